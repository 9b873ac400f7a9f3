namespace ReportPipeline.Cli.Soak;

/// <summary>What one upload of the soak is, and how it reaches the reports container.</summary>
internal enum SoakKind
{
    Text,
    Markdown,
    Html,
    Docx,
    Pdf,
    ScannedPdf,
    Photo,

    /// <summary>The bytes of an earlier upload of the same state and period, sent again.</summary>
    Resubmitted,
    Empty,
    Corrupt,
    Unsupported,
    TooLarge,

    /// <summary>A slot asked for under a file name the rules refuse.</summary>
    BadFileName,

    /// <summary>A slot asked for under a code that is no Member State's, with another state's key.</summary>
    UnknownState,

    /// <summary>A slot asked for in a period that is not open.</summary>
    ClosedPeriod,

    /// <summary>A blob written straight into the container (an operator's copy, an old tool), named for no Member State.</summary>
    StrayUnknownState,

    /// <summary>The same, for no reporting period.</summary>
    StrayBadPeriod,

    /// <summary>The same, outside any period's folder: the blob trigger's path does not match it, so no event fires.</summary>
    StrayBadPath,
}
