using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportPipeline.Core;

/// <summary>A set of questions is the string of its letters in JSON, as wherever it is stored.</summary>
internal sealed class QuestionSetJsonConverter : JsonConverter<QuestionSet>
{
    public override QuestionSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => QuestionSet.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, QuestionSet value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
