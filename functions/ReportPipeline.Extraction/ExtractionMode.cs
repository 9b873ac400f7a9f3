namespace ReportPipeline.Extraction;

/// <summary>Which extractor answers: the local one, Azure OpenAI (falling back to the local one), or Azure OpenAI whenever it is configured.</summary>
public enum ExtractionMode
{
    Local,
    AzureOpenAI,
    Auto,
}
