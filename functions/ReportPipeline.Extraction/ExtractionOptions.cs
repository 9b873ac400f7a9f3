namespace ReportPipeline.Extraction;

/// <summary>How reports are read for their answers (app settings <c>Extraction__*</c>).</summary>
public sealed class ExtractionOptions
{
    public const string SectionName = "Extraction";

    public ExtractionMode Mode { get; set; } = ExtractionMode.Local;
}
