namespace ReportPipeline.Core.Reports;

/// <summary>Names of the evidence that placed a passage under a question.</summary>
public static class ExtractionMethods
{
    public const string Marker = "marker";
    public const string Heading = "heading";
    public const string Classifier = "classifier";

    /// <summary>A quote a language model proposed and the document was found to contain verbatim.</summary>
    public const string Quote = "quote";
}
