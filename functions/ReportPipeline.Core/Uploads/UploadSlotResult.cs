namespace ReportPipeline.Core.Uploads;

/// <summary>Either a slot, or the reason code and plain-words message of a refusal.</summary>
public sealed record UploadSlotResult(UploadSlot? Slot, string? ReasonCode, string? Message)
{
    public bool Granted => Slot is not null;

    public static UploadSlotResult Refused(string reasonCode, string message) => new(null, reasonCode, message);
}
