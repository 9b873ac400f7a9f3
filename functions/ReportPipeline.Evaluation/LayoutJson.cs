using System.Text.Encodings.Web;
using System.Text.Json;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Evaluation;

/// <summary>The one-line JSON form of an analysis, as <c>reportpipeline analyze --json</c> prints it.</summary>
public static class LayoutJson
{
    // Relaxed escaping keeps Arabic, Chinese and Cyrillic readable; quotes and control characters are still escaped.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string Write(string file, LayoutDocument layout)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            writer.WriteStartObject();
            writer.WriteString("file", file);
            writer.WriteString("format", layout.Format.ToString().ToLowerInvariant());
            writer.WriteString("language", layout.Language);
            writer.WriteNumber("pages", layout.Pages);
            writer.WriteStartArray("paragraphs");
            foreach (var p in layout.Paragraphs)
            {
                writer.WriteStartObject();
                writer.WriteNumber("page", p.Page);
                writer.WriteNumber("index", p.Index);
                writer.WriteString("role", RoleName(p.Role));
                if (p.Role == ParagraphRole.Heading)
                {
                    writer.WriteNumber("level", p.HeadingLevel);
                }

                writer.WriteString("text", p.Text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("warnings");
            foreach (var w in layout.Warnings)
            {
                writer.WriteStringValue(w);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string WriteError(string file, string code, string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            writer.WriteStartObject();
            writer.WriteString("file", file);
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>camelCase role names: title, heading, body, listItem, table, footnote, pageHeader, pageFooter, pageNumber.</summary>
    public static string RoleName(ParagraphRole role) => JsonNamingPolicy.CamelCase.ConvertName(role.ToString());
}
