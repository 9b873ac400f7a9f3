namespace ReportPipeline.Local;

/// <summary>A canned reply of the fake server; <see cref="Abort"/> drops the connection instead.</summary>
public sealed record Reply(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, bool Abort = false);
