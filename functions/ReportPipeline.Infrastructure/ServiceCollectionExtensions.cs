using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Infrastructure.AzureOpenAI;
using ReportPipeline.Infrastructure.DocumentIntelligence;
using ReportPipeline.Infrastructure.Storage;
using ReportPipeline.Infrastructure.Translation;
using ReportPipeline.Infrastructure.Uploads;

namespace ReportPipeline.Infrastructure;

/// <summary>Infrastructure's part of the composition root: storage adapters of the Core ports, Document Intelligence, Azure OpenAI, Translator and Polly pipelines.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddReportPipelineInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        // Built on first use: the storage-free commands register it too but never connect.
        services.AddSingleton(_ => new StorageClientFactory(configuration));
        services.AddSingleton<StorageProvisioner>();
        services.AddSingleton<ISubmissionStore, TableSubmissionStore>();
        services.AddSingleton<IReportQuarantine, BlobReportQuarantine>();
        services.AddSingleton<IReportLocator, BlobReportLocator>();
        services.AddSingleton<IReportStore, BlobReportStore>();
        services.AddSingleton<ILayoutStore, BlobLayoutStore>();
        services.AddSingleton<ISurveyStore, BlobSurveyStore>();
        services.AddSingleton<ICredentialStore, TableCredentialStore>();
        services.AddSingleton<IReviewStore, TableReviewStore>();
        services.AddSingleton<IUploadSlotIssuer, BlobUploadSlotIssuer>();
        services.AddDocumentIntelligence(configuration);
        services.AddAzureOpenAI(configuration);
        services.AddTranslator(configuration);
        services.AddResiliencePipeline(ResiliencePipelines.TableConcurrency, (builder, _) => ResiliencePipelines.ConfigureTableConcurrency(builder));
        return services;
    }
}
