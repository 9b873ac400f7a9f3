using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ReportPipeline.Local;

namespace ReportPipeline.AzureOpenAI.Tests;

/// <summary>A canned reply of the test server.</summary>
internal sealed record Reply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>One chat-completions request as the server received it.</summary>
internal sealed record ChatCall(string PathAndQuery, string? ApiKey, string? Authorization, JsonElement Body, DateTimeOffset At)
{
    public string Message(string role) => Body.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == role)
        .GetProperty("content") is var c && c.ValueKind == JsonValueKind.String ? c.GetString()! : string.Concat(c.EnumerateArray().Select(p => p.GetProperty("text").GetString()));
}

/// <summary>
/// An Azure OpenAI chat deployment on 127.0.0.1 that speaks the wire contract: POST
/// /openai/deployments/{deployment}/chat/completions?api-version=…, answering a chat completion whose content is the
/// quotes object. Scripted replies come first; then <see cref="Model"/> plays the model.
/// </summary>
internal sealed class FakeChatCompletions : LoopbackHttpServer
{
    public const string Deployment = "reports-mini";

    public ConcurrentQueue<Reply> Script { get; } = new();

    public Func<ChatCall, Reply> Model { get; set; } = _ => Answer([]);

    public ConcurrentQueue<ChatCall> Calls { get; } = new();

    /// <summary>The clock each call is timed by: the one the client under test waits on.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>A completion whose content is <c>{"answers":[…]}</c>, or <paramref name="content"/> as it is.</summary>
    public static Reply Answer(IEnumerable<(string Question, string Quote)> quotes, string finishReason = "stop", string? content = null)
    {
        content ??= JsonSerializer.Serialize(new { answers = quotes.Select(q => new { question = q.Question, quote = q.Quote }) });
        return new Reply(200, JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_767_225_600,
            model = "gpt-4.1-mini-2025-04-14",
            choices = new[] { new { index = 0, finish_reason = finishReason, message = new { role = "assistant", content } } },
            usage = new { prompt_tokens = 1200, completion_tokens = 80, total_tokens = 1280 },
        }));
    }

    public static Reply Error(int status, string code, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonSerializer.Serialize(new { error = new { code, message = $"{code} from the test server", status } }), headers);

    protected override async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var body = await JsonDocument.ParseAsync(request.InputStream);
        var call = new ChatCall(request.Url!.PathAndQuery, request.Headers["api-key"], request.Headers["Authorization"], body.RootElement.Clone(), Clock.GetUtcNow());
        Calls.Enqueue(call);
        var reply = request.HttpMethod != "POST" || !call.PathAndQuery.StartsWith($"/openai/deployments/{Deployment}/chat/completions?api-version=", StringComparison.Ordinal)
            ? Error(404, "DeploymentNotFound")
            : Script.TryDequeue(out var scripted) ? scripted : Model(call);
        await ReplyAsync(context.Response, reply.Status, reply.Body, reply.Headers);
    }
}
