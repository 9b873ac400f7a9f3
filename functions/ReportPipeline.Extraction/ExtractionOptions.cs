using System.ComponentModel.DataAnnotations;

namespace ReportPipeline.Extraction;

/// <summary>How reports are read for their answers (app settings <c>Extraction__*</c>).</summary>
public sealed class ExtractionOptions
{
    public const string SectionName = "Extraction";

    public ExtractionMode Mode { get; set; } = ExtractionMode.Local;

    /// <summary>
    /// Input tokens one report may spend on the model, all its chunks together (about 300 pages of prose): the deployment's
    /// quota is shared by every state, so a huge upload is read by the local extractor instead, with a warning.
    /// </summary>
    [Range(1000, 100_000_000)]
    public int MaxModelTokensPerReport { get; set; } = 200_000;
}
