using Microsoft.Extensions.DependencyInjection;
using Polly;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Infrastructure.DocumentIntelligence;
using ReportPipeline.Infrastructure.Storage;
using ReportPipeline.Infrastructure.Uploads;

namespace ReportPipeline.Infrastructure;

/// <summary>The composition root of Infrastructure: storage adapters of the Core ports and Polly pipelines.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddReportPipelineInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<StorageClientFactory>();
        services.AddSingleton<StorageProvisioner>();
        services.AddSingleton<ISubmissionStore, TableSubmissionStore>();
        services.AddSingleton<IReportQuarantine, BlobReportQuarantine>();
        services.AddSingleton<ISurveyStore, BlobSurveyStore>();
        services.AddSingleton<IBlobLinkIssuer, BlobLinkIssuer>();
        services.AddSingleton<ICredentialStore, TableCredentialStore>();
        services.AddSingleton<IUploadSlotIssuer, BlobUploadSlotIssuer>();
        services.AddDocumentIntelligence();
        services.AddResiliencePipeline(ResiliencePipelines.TableConcurrency, (builder, _) => ResiliencePipelines.ConfigureTableConcurrency(builder));
        return services;
    }
}
