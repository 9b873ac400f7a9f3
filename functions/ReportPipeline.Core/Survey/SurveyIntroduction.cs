namespace ReportPipeline.Core.Survey;

/// <summary>What the survey covers, where its evidence comes from and how it was compiled.</summary>
public sealed record SurveyIntroduction(
    string Period,
    string Scope,
    string Sources,
    string Method,
    string Evidence,
    int Reports,
    IReadOnlyList<LanguageCount> Languages);
