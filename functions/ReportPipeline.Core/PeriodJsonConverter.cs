using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportPipeline.Core;

/// <summary>A period is its name in JSON.</summary>
internal sealed class PeriodJsonConverter : JsonConverter<Period>
{
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Period.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
