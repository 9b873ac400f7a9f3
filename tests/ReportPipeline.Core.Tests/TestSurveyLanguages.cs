using ReportPipeline.Core.Languages;
using ReportPipeline.Core.Survey;

namespace ReportPipeline.Core.Tests;

/// <summary>The survey's six languages as the app loads them, from the embedded language profiles.</summary>
internal static class TestSurveyLanguages
{
    public static SurveyLanguages All { get; } = SurveyLanguages.Load(LanguageProfiles.Embedded);

    public static HtmlSurveyRenderer Html(string code) => All.Renderer(code);
}
