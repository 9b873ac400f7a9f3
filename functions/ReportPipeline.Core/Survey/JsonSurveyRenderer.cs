using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ReportPipeline.Core.Survey;

/// <summary>The survey model as JSON, with its schema version.</summary>
public sealed class JsonSurveyRenderer : ISurveyRenderer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public const string Name = "global-implementation-survey.json";

    public string FileName => Name;

    public string ContentType => "application/json; charset=utf-8";

    public byte[] Render(SurveyModel survey) => JsonSerializer.SerializeToUtf8Bytes(survey, Options);
}
