namespace ReportPipeline.Core;

/// <summary>One of the four guiding questions of paragraph 9 of the concept note.</summary>
public sealed record GuidingQuestion(Question Key, string Title, string Text);
