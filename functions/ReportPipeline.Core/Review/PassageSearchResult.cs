namespace ReportPipeline.Core.Review;

/// <summary>The hits of a search, at most <see cref="PassageSearch.MaxHits"/>, and how many passages matched in all.</summary>
public sealed record PassageSearchResult(IReadOnlyList<PassageHit> Hits, int Total, int Searched);
