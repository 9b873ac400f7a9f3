namespace ReportPipeline.Core.Reports;

/// <summary>Ranks a document's passages for each guiding question, best first, whether or not they were given as answers.</summary>
public interface IPassageRanker
{
    /// <summary>Up to <paramref name="perQuestion"/> passages per question, questions in order, each question's best first.</summary>
    IReadOnlyList<RankedPassage> Rank(LayoutDocument document, int perQuestion);
}
