namespace ReportPipeline.Core.Survey;

/// <summary>Renders a survey model into one published file.</summary>
public interface ISurveyRenderer
{
    string FileName { get; }

    string ContentType { get; }

    byte[] Render(SurveyModel survey);
}
