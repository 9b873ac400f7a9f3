using ReportPipeline.Core.Reports;

namespace ReportPipeline.Core.Ingestion;

/// <summary>A passage an accepted upload gives for one question, with the pages and paragraphs it stands on.</summary>
public sealed record FoundPassage(Question Question, string Text, IReadOnlyList<Provenance> Provenance);
