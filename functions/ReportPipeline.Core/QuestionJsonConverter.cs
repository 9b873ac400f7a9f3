using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportPipeline.Core;

/// <summary>A question is the string of its letter in every JSON the pipeline writes, and as a property name.</summary>
internal sealed class QuestionJsonConverter : JsonConverter<Question>
{
    public override Question Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Question.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, Question value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

    public override Question ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Question value, JsonSerializerOptions options) => writer.WritePropertyName(value.ToString());
}
