namespace ReportPipeline.Functions.Keys;

/// <summary>The body of <c>POST api/keys</c>: the state's ISO3 code and, optionally, when the key stops working (a UTC date or time).</summary>
public sealed record IssueKeyBody(string? State, string? Expires);
