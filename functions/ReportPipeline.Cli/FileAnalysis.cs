using ReportPipeline.Core.Reports;

namespace ReportPipeline.Cli;

/// <summary>A file as the analyzer saw it: its layout, or the code and message of why it could not be read.</summary>
internal sealed record FileAnalysis(LayoutDocument? Layout, string Code = "", string Message = "");
