using System.Collections.Concurrent;
using System.Text.Json;

namespace ReportPipeline.Local;

/// <summary>
/// An Azure AI Translator stand-in on 127.0.0.1 that speaks Text Translation v3's <c>POST /translator/text/v3.0/translate</c>:
/// each passage comes back as <c>[to] passage</c>, so a test can tell a translation from its original and its target.
/// Scripted replies (<see cref="Script"/>, e.g. 429 then the default) come first; <see cref="Outage"/> answers 503 to all.
/// </summary>
public sealed class FakeTranslator : LoopbackHttpServer
{
    private long _requests;

    /// <summary>Replies sent before the default one, in order.</summary>
    public ConcurrentQueue<Reply> Script { get; } = new();

    /// <summary>When set, every request is answered 503.</summary>
    public bool Outage { get; set; }

    /// <summary>Requests received, answered or not.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>What each translate request asked for: its target language and passages, in arrival order.</summary>
    public ConcurrentQueue<(string To, IReadOnlyList<string> Texts)> Translated { get; } = new();

    public static string Translation(string text, string to) => $"[{to}] {text}";

    protected override async Task HandleAsync(System.Net.HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        var response = context.Response;
        if (Outage)
        {
            await ReplyAsync(response, 503, """{"error":{"code":503000,"message":"Service unavailable."}}""", null);
            return;
        }

        if (Script.TryDequeue(out var reply))
        {
            await ReplyAsync(response, reply.Status, reply.Body, reply.Headers);
            return;
        }

        var to = context.Request.QueryString["to"];
        if (context.Request.HttpMethod != "POST" || context.Request.Url?.AbsolutePath != "/translator/text/v3.0/translate" || string.IsNullOrEmpty(to))
        {
            await ReplyAsync(response, 404, """{"error":{"code":404001,"message":"Not found."}}""", null);
            return;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
        var texts = body.RootElement.EnumerateArray().Select(e => e.GetProperty("Text").GetString() ?? "").ToList();
        Translated.Enqueue((to, texts));
        var translations = texts.Select(t => new { translations = new[] { new { text = Translation(t, to), to } } });
        await ReplyAsync(response, 200, JsonSerializer.Serialize(translations), null);
    }
}
