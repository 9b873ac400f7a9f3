namespace ReportPipeline.Core.Review;

/// <summary>When a state's indication counts in the survey (setting <c>Review__StateIndications</c>).</summary>
public enum StateIndicationCounting
{
    /// <summary>Only once an analyst accepts it: a pointed paragraph is then an answer, a withdrawn passage no longer one.</summary>
    Accepted,

    /// <summary>From the moment the state sends it until an analyst decides: accepted or pending counts, rejected does not.</summary>
    UntilDecided,
}
