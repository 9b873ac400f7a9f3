namespace ReportPipeline.Core.Staff;

/// <summary>How many states of a group reported, and how many answered each question (indexed a–d).</summary>
public sealed record Coverage(string Name, int States, int Reporting, IReadOnlyList<int> Answering);
