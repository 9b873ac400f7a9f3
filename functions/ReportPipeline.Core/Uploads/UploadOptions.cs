using System.ComponentModel.DataAnnotations;

namespace ReportPipeline.Core.Uploads;

/// <summary>Upload slots for Member States (app settings <c>Uploads__*</c>).</summary>
public sealed class UploadOptions : IValidatableObject
{
    public const string SectionName = "Uploads";

    /// <summary>How long a slot (a create-only SAS) stays usable.</summary>
    [Range(1, 60)]
    public int SlotMinutes { get; set; } = 15;

    /// <summary>Slots one key is given in any 60 minutes: a state sends a handful of files, and a leaked key cannot fill the account.</summary>
    [Range(1, SlotQuota.MaxRemembered)]
    public int MaxSlotsPerHour { get; set; } = 20;

    /// <summary>Slots one key is given in any 24 hours.</summary>
    [Range(1, SlotQuota.MaxRemembered)]
    public int MaxSlotsPerDay { get; set; } = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxSlotsPerDay < MaxSlotsPerHour)
        {
            yield return new ValidationResult(
                $"Uploads:MaxSlotsPerDay ({MaxSlotsPerDay}) must be at least Uploads:MaxSlotsPerHour ({MaxSlotsPerHour}).", [nameof(MaxSlotsPerDay)]);
        }
    }
}
