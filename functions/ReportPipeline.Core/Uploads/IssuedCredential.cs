namespace ReportPipeline.Core.Uploads;

/// <summary>A freshly issued credential: <see cref="Key"/> is shown once and exists nowhere else.</summary>
public sealed record IssuedCredential(string State, string Id, string Key, DateTimeOffset IssuedAt);
