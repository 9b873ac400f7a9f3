namespace ReportPipeline.Core.Storage;

/// <summary>Where a saved report lands among a state's versions for a period.</summary>
public enum Placement
{
    /// <summary>These bytes are stored already, extracted by the same extractor: nothing changes.</summary>
    Unchanged,

    /// <summary>These bytes are stored already by another extractor: that version gets new answers and keeps its number.</summary>
    Reextracted,

    /// <summary>
    /// The current version's bytes, uploaded again later by the same extractor: the version keeps its number and answers and
    /// is dated by the later upload, so an upload made between the two that finishes processing last does not take its place.
    /// </summary>
    Resubmitted,

    /// <summary>The latest upload: the next number, current; the version it follows becomes history.</summary>
    Current,

    /// <summary>Uploaded before the current version but processed after it: the next number, history.</summary>
    History,
}
