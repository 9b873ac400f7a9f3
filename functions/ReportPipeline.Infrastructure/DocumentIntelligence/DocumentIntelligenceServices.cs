using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Infrastructure.DocumentIntelligence;

/// <summary>Registers the Document Intelligence client as the router's OCR analyzer; it stays idle without an endpoint.</summary>
public static class DocumentIntelligenceServices
{
    public const string HttpClientName = "document-intelligence";

    public static IServiceCollection AddDocumentIntelligence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DocumentIntelligenceOptions>(configuration, DocumentIntelligenceOptions.SectionName);
        // Polly owns every timeout, so HttpClient's own 100 s must not cut a request first.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddResiliencePipeline<string, HttpResponseMessage>(DocumentIntelligencePipelines.Request,
            (builder, context) => DocumentIntelligencePipelines.ConfigureRequest(builder, context.ServiceProvider.GetRequiredService<IOptions<DocumentIntelligenceOptions>>().Value));
        services.AddResiliencePipeline(DocumentIntelligencePipelines.Total,
            (builder, context) => DocumentIntelligencePipelines.ConfigureTotal(builder, context.ServiceProvider.GetRequiredService<IOptions<DocumentIntelligenceOptions>>().Value));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DocumentIntelligenceOptions>>().Value;
            var pipelines = sp.GetRequiredService<ResiliencePipelineProvider<string>>();
            return new DocumentIntelligenceClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                options,
                pipelines.GetPipeline<HttpResponseMessage>(DocumentIntelligencePipelines.Request),
                pipelines.GetPipeline(DocumentIntelligencePipelines.Total),
                options.Credential(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<DocumentIntelligenceClient>>());
        });
        services.AddSingleton<IOcrAnalyzer>(sp => new DocumentIntelligenceAnalyzer(
            sp.GetRequiredService<IOptions<DocumentIntelligenceOptions>>().Value,
            new Lazy<DocumentIntelligenceClient>(sp.GetRequiredService<DocumentIntelligenceClient>)));
        return services;
    }
}
