using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Survey;

/// <summary>The outcome of compiling one period: the edition now current, and whether this run published it.</summary>
public sealed record CompilationResult(SurveyEdition Edition, bool Published);
