namespace ReportPipeline.Local;

/// <summary>What the server received, and when by the server's <see cref="FakeDocumentIntelligence.Clock"/>.</summary>
public sealed record Received(string Method, string PathAndQuery, string? ContentType, byte[] Body, string? Key, string? Authorization, DateTimeOffset At);
