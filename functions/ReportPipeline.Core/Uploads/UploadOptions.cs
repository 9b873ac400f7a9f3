using System.ComponentModel.DataAnnotations;

namespace ReportPipeline.Core.Uploads;

/// <summary>Upload slots for Member States (app settings <c>Uploads__*</c>).</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>How long a slot (a create-only SAS) stays usable.</summary>
    [Range(1, 60)]
    public int SlotMinutes { get; set; } = 15;
}
