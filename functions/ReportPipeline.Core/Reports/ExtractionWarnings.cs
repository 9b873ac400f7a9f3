namespace ReportPipeline.Core.Reports;

/// <summary>Warnings an extraction may carry, as <c>code: message</c>.</summary>
public static class ExtractionWarnings
{
    public const string NoAnswers = "no-answers: no passage answers any of the four guiding questions";
}
