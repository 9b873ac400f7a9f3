namespace ReportPipeline.Extraction;

/// <summary>Which extractor answers: the local one, Azure OpenAI (falling back to the local one), or Azure OpenAI whenever it is configured.</summary>
public enum ExtractionMode
{
    Local,
    AzureOpenAI,
    Auto,
}

/// <summary>How reports are read for their answers (app settings <c>Extraction__*</c>).</summary>
public sealed class ExtractionOptions
{
    public const string SectionName = "Extraction";

    public ExtractionMode Mode { get; set; } = ExtractionMode.Local;
}
