using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Evaluation;

/// <summary>
/// The extraction contract of <c>extract --json</c>: one JSON object per file and line. Report text is hostile input, so
/// the encoder keeps non-Latin scripts readable but escapes HTML-significant characters.
/// </summary>
public static class ExtractionContract
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string ToJson(string file, ExtractedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Write(w =>
        {
            w.WriteString("file", file);
            w.WriteString("language", report.Language);
            w.WriteNumber("pages", report.Pages);
            w.WriteString("extractor", report.ExtractorVersion);
            w.WriteStartArray("answers");
            foreach (var a in report.Answers)
            {
                w.WriteStartObject();
                w.WriteString("question", a.Question.ToString());
                w.WriteString("text", a.Text);
                w.WriteNumber("confidence", a.Confidence);
                w.WriteString("method", a.Method);
                w.WriteStartArray("provenance");
                foreach (var p in a.Provenance)
                {
                    w.WriteStartObject();
                    w.WriteNumber("page", p.Page);
                    w.WriteNumber("paragraph", p.Paragraph);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("candidates");
            foreach (var c in report.Candidates)
            {
                w.WriteStartObject();
                w.WriteString("question", c.Question.ToString());
                w.WriteString("text", c.Text);
                w.WriteNumber("page", c.Page);
                w.WriteNumber("paragraph", c.Paragraph);
                w.WriteNumber("score", c.Score);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("themes");
            foreach (var t in report.Themes)
            {
                w.WriteStartObject();
                w.WriteString("key", t.Key);
                w.WriteStartArray("questions");
                foreach (var q in t.Questions)
                {
                    w.WriteStringValue(q.ToString());
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("quotesRejected", report.QuotesRejected);
            w.WriteStartObject("tokens");
            w.WriteNumber("input", report.Usage.Input);
            w.WriteNumber("output", report.Usage.Output);
            w.WriteEndObject();
            w.WriteStartArray("warnings");
            foreach (var warning in report.Warnings)
            {
                w.WriteStringValue(warning);
            }

            w.WriteEndArray();
        });
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
