namespace ReportPipeline.Core.Review;

/// <summary>What an analyst (or, for <see cref="Point"/> and <see cref="Withdraw"/>, the state) did to a state's answers; each is one row of the review's log.</summary>
public enum ReviewAction
{
    /// <summary>A passage answers its question.</summary>
    Accept,

    /// <summary>A passage does not answer its question.</summary>
    Reject,

    /// <summary>A passage answers another question instead of its own.</summary>
    Move,

    /// <summary>A passage answers another question as well as its own.</summary>
    Copy,

    /// <summary>A paragraph of the report answers a question the machine did not give it.</summary>
    Add,

    /// <summary>The analyst's note on a question (plain text).</summary>
    Note,

    /// <summary>The review is closed: the passages still pending then are confirmed as they stand.</summary>
    Done,

    /// <summary>The state points to a paragraph of its report that answers a question: a passage of source <c>state</c>, pending until an analyst decides.</summary>
    Point,

    /// <summary>The state disagrees with a machine passage: pending until an analyst rejects the passage (the state is right) or accepts it.</summary>
    Withdraw,
}
