using ReportPipeline.Core.Reports;


namespace ReportPipeline.Evaluation;

/// <summary>
/// One labelled text read from a statement set or a corpus, analysed: the set it came from, its name and number, its
/// language, its layout and its label per question. A corpus report's question is Y with its snippets, or N without.
/// </summary>
public sealed record LabelledCase(string Set, string Name, int Number, string Language, LayoutDocument Document, IReadOnlyList<CaseLabel> Labels)
{
    /// <summary>Unique across sets: the set's name and the case's.</summary>
    public string Key => $"{Set}/{Name}";
}
