namespace ReportPipeline.Extraction;

/// <summary>What a vocabulary term is evidence of.</summary>
public enum Cue
{
    /// <summary>Question (a): challenges, gaps and needs in implementation.</summary>
    A,

    /// <summary>Question (b): international cooperation, technical assistance, good practices.</summary>
    B,

    /// <summary>Question (c): what the Council and its Committee should do; priorities; the evolving threat.</summary>
    C,

    /// <summary>Question (d): coordination within the United Nations counter-terrorism architecture.</summary>
    D,

    /// <summary>Procedural speech: greetings, thanks, congratulations, condolences, condemnation, history, closing formulas.</summary>
    Procedural,

    /// <summary>A question acknowledged but deflected ("I will not repeat it here").</summary>
    Deflection,

    /// <summary>The speaker is winding up, so the current marker or heading no longer governs ("In conclusion").</summary>
    Closing,

    /// <summary>A heading that answers nothing ("Introduction", "Conclusion").</summary>
    NullHeading,

    /// <summary>Who a recommendation of (c) is addressed to: the Council, its committees, CTED, the sanctions regimes.</summary>
    Addressee,

    /// <summary>Something asked of someone: "should", "call on", "urged", "debería", "следует", "应当", "ينبغي".</summary>
    Directive,

    /// <summary>An entity of the UN counter-terrorism architecture other than the Council: UNOCT, the Compact, the General Assembly, CTED.</summary>
    Body,

    /// <summary>A word that relates two entities to each other: "between", "jointly", "closely with".</summary>
    Relation,

    /// <summary>Who meets an obstacle of (a) or what is implemented: "States", "our country", "capacity", "reporting".</summary>
    Meets,
}
