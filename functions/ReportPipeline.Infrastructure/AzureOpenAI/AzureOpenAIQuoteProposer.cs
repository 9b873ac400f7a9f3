using System.ClientModel;
using System.Text.Json;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;
using Polly;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Extraction.Quotes;

namespace ReportPipeline.Infrastructure.AzureOpenAI;

/// <summary>
/// Asks an Azure OpenAI chat deployment, through <see cref="IChatClient"/>, for quotes answering the guiding questions, with
/// structured output (<c>{"answers":[{"question":"a","quote":"…"}]}</c>) at temperature 0. Every failure becomes a
/// <see cref="QuoteProposalException"/> whose code says why, so the caller can fall back.
/// </summary>
public sealed class AzureOpenAIQuoteProposer(AzureOpenAIOptions options, Lazy<IChatClient> chat, Lazy<Tokenizer> tokenizer) : IQuoteProposer
{
    /// <summary>The key under which Microsoft.Extensions.AI's OpenAI client sends <c>"strict": true</c> with the JSON schema.</summary>
    private const string StrictKey = "strict";

    private static readonly JsonElement s_schema = JsonDocument.Parse("""
        {"type":"object","additionalProperties":false,"required":["answers"],"properties":{"answers":{"type":"array","items":{
          "type":"object","additionalProperties":false,"required":["question","quote"],"properties":{
            "question":{"type":"string","enum":["a","b","c","d"]},
            "quote":{"type":"string"}}}}}}
        """).RootElement.Clone();

    public bool IsConfigured => options.IsConfigured;

    public string ExtractorVersion => ExtractorVersions.AzureOpenAI(options.Deployment ?? "");

    public int MaxInputTokens => options.MaxInputTokens;

    public int CountTokens(string text) => tokenizer.Value.CountTokens(text);

    public async Task<QuoteProposal> ProposeAsync(QuotePrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var response = await CompleteAsync(prompt, cancellationToken);
        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            throw new QuoteProposalException(ReasonCodes.OpenAIContentFilter, "Azure OpenAI's content filter withheld the answer.");
        }

        if (response.FinishReason == ChatFinishReason.Length)
        {
            throw new QuoteProposalException(ReasonCodes.OpenAITruncated, $"The answer was cut at AzureOpenAI__MaxOutputTokens ({options.MaxOutputTokens}).");
        }

        var text = response.Text;
        var quotes = Parse(text);
        var usage = response.Usage is { InputTokenCount: { } input, OutputTokenCount: { } output }
            ? new TokenUsage(input, output)
            : new TokenUsage(CountTokens(prompt.Instructions) + CountTokens(prompt.Report), CountTokens(text));
        return new QuoteProposal(quotes, usage);
    }

    private async Task<ChatResponse> CompleteAsync(QuotePrompt prompt, CancellationToken cancellationToken)
    {
        var chatOptions = new ChatOptions
        {
            Temperature = 0,
            MaxOutputTokens = options.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(s_schema, "guiding_question_quotes", "Verbatim quotes of the report under the guiding question each answers."),
            AdditionalProperties = new() { [StrictKey] = true },
        };
        try
        {
            return await chat.Value.GetResponseAsync([new(ChatRole.System, prompt.Instructions), new(ChatRole.User, prompt.Report)], chatOptions, cancellationToken);
        }
        catch (ClientResultException e) when (IsContentFilter(e))
        {
            throw new QuoteProposalException(ReasonCodes.OpenAIContentFilter, "Azure OpenAI's content filter refused the report text.", e);
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or ExecutionRejectedException or AuthenticationFailedException
            or CredentialUnavailableException or TimeoutException or IOException)
        {
            throw new QuoteProposalException(ReasonCodes.OpenAIUnavailable, $"Azure OpenAI did not answer ({Describe(e)}).", e);
        }
    }

    /// <summary>The quotes of the contract's JSON object; an entry of the wrong shape becomes a quote the verifier rejects.</summary>
    private static List<ProposedQuote> Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("answers", out var answers) || answers.ValueKind != JsonValueKind.Array)
            {
                throw new QuoteProposalException(ReasonCodes.OpenAIBadResponse, "Azure OpenAI answered without the \"answers\" array.");
            }

            return [.. answers.EnumerateArray().Select(a => new ProposedQuote(StringOf(a, "question"), StringOf(a, "quote")))];
        }
        catch (JsonException e)
        {
            throw new QuoteProposalException(ReasonCodes.OpenAIBadResponse, $"Azure OpenAI's answer is not JSON ({e.Message}).", e);
        }
    }

    private static string StringOf(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    /// <summary>A prompt the filter refused answers 400 with the error code <c>content_filter</c>.</summary>
    private static bool IsContentFilter(ClientResultException e)
    {
        if (e.Status != 400 || e.GetRawResponse()?.Content is not { } content)
        {
            return false;
        }

        try
        {
            using var body = JsonDocument.Parse(content.ToMemory());
            return body.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) && code.ValueEquals("content_filter");
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Describe(Exception e) => e is ClientResultException { Status: > 0 } http ? $"HTTP {http.Status}: {e.Message}" : $"{e.GetType().Name}: {e.Message}";
}
