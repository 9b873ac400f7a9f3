namespace ReportPipeline.Core.Review;

/// <summary>
/// A reviewed report as a case of a labelled set (the layout <c>eval</c> reads): its name <c>NN-ISO3-ll</c>, language, header lines,
/// the text (its paragraphs, blank-line separated) and a label per question.
/// </summary>
public sealed record LabelledReport(string Name, string Language, IReadOnlyList<string> Header, string Body, IReadOnlyDictionary<Question, LabelledAnswer> Labels);
