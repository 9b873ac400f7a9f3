using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;
using Polly;
using ReportPipeline.Core.Survey.Translation;

namespace ReportPipeline.Infrastructure.Translation;

/// <summary>
/// Azure AI Translator (Text Translation v3) over REST, the SDK not being served here: one POST per batch of passages to
/// <c>/translator/text/v3.0/translate</c>, through the request pipeline (429, 408, 5xx, timeouts are retried). Signs in with
/// a Microsoft Entra token for the app's identity, or a resource key on a developer's machine.
/// </summary>
public sealed class AzureTranslatorClient(
    HttpClient http,
    TranslatorOptions options,
    ResiliencePipeline<HttpResponseMessage> requestPipeline,
    TokenCredential? credential,
    TimeProvider timeProvider) : ITextTranslator
{
    public const string Scope = "https://cognitiveservices.azure.com/.default";

    private readonly BearerToken? _token = credential is null ? null : new BearerToken(credential, Scope, timeProvider);

    public bool IsConfigured => options.IsConfigured;

    public async Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> texts, string? from, string to, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var uri = new Uri($"{options.Endpoint!.TrimEnd('/')}/translator/text/v3.0/translate?api-version=3.0&to={Uri.EscapeDataString(to)}"
            + (from is null ? "" : $"&from={Uri.EscapeDataString(from)}") + "&textType=plain");
        var body = JsonSerializer.SerializeToUtf8Bytes(texts.Select(t => new { Text = t }));
        using var response = await requestPipeline.ExecuteAsync(
            async ct =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                await AuthorizeAsync(request, ct);
                return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            },
            cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new TranslatorException(response.StatusCode, $"The Translator answered {(int)response.StatusCode}: {await Bounded(response, cancellationToken)}");
        }

        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
        var results = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().Select(Translation).ToList()
            : [];
        return results.Count == texts.Count && results.All(r => r is not null)
            ? [.. results.Select(r => r!)]
            : throw new TranslatorException(response.StatusCode, $"The Translator sent {results.Count} translation(s) for {texts.Count} passage(s).");
    }

    private static string? Translation(JsonElement item) =>
        item.TryGetProperty("translations", out var translations) && translations.ValueKind == JsonValueKind.Array
            && translations.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first
            && first.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()
            : null;

    private static async Task<string> Bounded(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length > 500 ? text[..500] + "…" : text;
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.Key))
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", options.Key);
            if (!string.IsNullOrEmpty(options.Region))
            {
                request.Headers.Add("Ocp-Apim-Subscription-Region", options.Region);
            }

            return;
        }

        if (_token is not null)
        {
            await _token.AuthorizeAsync(request, cancellationToken);
        }
    }
}
