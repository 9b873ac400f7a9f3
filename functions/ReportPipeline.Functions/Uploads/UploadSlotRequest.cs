namespace ReportPipeline.Functions.Uploads;

/// <summary>What a Member State asks for: <c>{"state":"FRA","period":"2026","fileName":"report.pdf"}</c>.</summary>
public sealed record UploadSlotRequest(string? State, string? Period, string? FileName);
