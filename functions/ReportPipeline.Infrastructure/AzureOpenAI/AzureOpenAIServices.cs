using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;
using ReportPipeline.Core;
using ReportPipeline.Extraction;
using ReportPipeline.Extraction.Quotes;

namespace ReportPipeline.Infrastructure.AzureOpenAI;

/// <summary>Registers the Azure OpenAI quote proposer; it stays idle without an endpoint, and nothing is built until it is asked.</summary>
public static class AzureOpenAIServices
{
    public const string HttpClientName = "azure-openai";

    /// <summary>The token encoding of the gpt-4o, gpt-4.1 and o-series models; with another, the chunk budget is approximate.</summary>
    public const string Encoding = "o200k_base";

    public static IServiceCollection AddAzureOpenAI(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AzureOpenAIOptions>(configuration, AzureOpenAIOptions.SectionName)
            .Validate(o => !o.IsConfigured || (Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _) && !string.IsNullOrWhiteSpace(o.Deployment)),
                "AzureOpenAI__Endpoint must be an absolute URL, and AzureOpenAI__Deployment must name the model deployment.")
            .Validate<IOptions<ExtractionOptions>>((o, extraction) => extraction.Value.Mode != ExtractionMode.AzureOpenAI || o.IsConfigured,
                "Extraction__Mode is AzureOpenAI, but AzureOpenAI__Endpoint is not set.");
        // Polly owns every timeout, so HttpClient's own 100 s must not cut a request first.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(AzureOpenAIPipelines.Request,
                (builder, context) => AzureOpenAIPipelines.ConfigureRequest(builder, context.ServiceProvider.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value));
        services.AddSingleton<IQuoteProposer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value;
            var chat = new Lazy<IChatClient>(() => CreateChatClient(options, sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                options.Credential()));
            return new AzureOpenAIQuoteProposer(options, chat, new Lazy<Tokenizer>(() => TiktokenTokenizer.CreateForEncoding(Encoding)));
        });
        return services;
    }

    /// <summary>
    /// An <see cref="IChatClient"/> for the deployment over <paramref name="http"/>, whose handler owns retries and timeouts;
    /// with a credential it sends an Entra bearer token, without one the key as <c>api-key</c>.
    /// </summary>
    public static IChatClient CreateChatClient(AzureOpenAIOptions options, HttpClient http, TokenCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new AzureOpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            Transport = new HttpClientPipelineTransport(http),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        var endpoint = new Uri(options.Endpoint!);
        var client = credential is null
            ? new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.Key!), clientOptions)
            : new AzureOpenAIClient(endpoint, credential, clientOptions);
        return client.GetChatClient(options.Deployment).AsIChatClient();
    }
}
