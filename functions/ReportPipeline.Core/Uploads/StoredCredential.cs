namespace ReportPipeline.Core.Uploads;

/// <summary>A credential as stored: only a salted hash of the secret, never the secret itself.</summary>
public sealed record StoredCredential(string State, string Id, byte[] Salt, byte[] Hash, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt);
