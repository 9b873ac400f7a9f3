namespace ReportPipeline.Core.Review;

/// <summary>A reviewed question as a labelled set writes it: <c>Y</c> with the accepted passages as quotes, or <c>N</c> with none.</summary>
public sealed record LabelledAnswer(string Label, IReadOnlyList<string> Quotes);
