using System.ComponentModel.DataAnnotations;

namespace ReportPipeline.Core.Review;

/// <summary>The review desk (app settings <c>Review__*</c>).</summary>
public sealed class ReviewOptions
{
    public const string SectionName = "Review";

    /// <summary>When a state's indications count in the survey: <c>Accepted</c> (once an analyst accepts them) or <c>UntilDecided</c>.</summary>
    [EnumDataType(typeof(StateIndicationCounting))]
    public StateIndicationCounting StateIndications { get; set; } = StateIndicationCounting.Accepted;
}
