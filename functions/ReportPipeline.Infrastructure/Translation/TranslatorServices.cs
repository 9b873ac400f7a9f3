using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using ReportPipeline.Core;
using ReportPipeline.Core.Survey.Translation;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Infrastructure.Translation;

/// <summary>Registers the Translator client and the table of translations made; the client stays idle without an endpoint.</summary>
public static class TranslatorServices
{
    public const string HttpClientName = "translator";

    public static IServiceCollection AddTranslator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TranslatorOptions>(configuration, TranslatorOptions.SectionName);
        // Polly owns every timeout, so HttpClient's own 100 s must not cut a request first.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddResiliencePipeline<string, HttpResponseMessage>(TranslatorPipelines.Request,
            (builder, context) => TranslatorPipelines.ConfigureRequest(builder, context.ServiceProvider.GetRequiredService<IOptions<TranslatorOptions>>().Value));
        services.AddSingleton<ITextTranslator>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TranslatorOptions>>().Value;
            return new AzureTranslatorClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                options,
                sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline<HttpResponseMessage>(TranslatorPipelines.Request),
                options.IsConfigured ? options.Credential() : null,
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ITranslationCache, TableTranslationCache>();
        return services;
    }
}
