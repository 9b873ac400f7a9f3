using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportPipeline.Core;
using ReportPipeline.Core.Staff;
using ReportPipeline.Documents;
using ReportPipeline.Extraction;
using ReportPipeline.Functions.Http;
using ReportPipeline.Functions.Indications;
using ReportPipeline.Functions.Ingestion;
using ReportPipeline.Functions.Keys;
using ReportPipeline.Functions.Review;
using ReportPipeline.Functions.Staff;
using ReportPipeline.Functions.Surveys;
using ReportPipeline.Functions.Telemetry;
using ReportPipeline.Functions.Uploads;
using ReportPipeline.Functions.Web;
using ReportPipeline.Infrastructure;

namespace ReportPipeline.Functions;

/// <summary>
/// The one composition root: the worker's Program, the CLI (its storage and storage-free commands alike) and the tests
/// register the pipeline with <see cref="AddReportPipeline"/>, so every host has the same services and options.
/// </summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Core, Documents, Extraction, Infrastructure and the function classes, with every option set bound from <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddReportPipeline(this IServiceCollection services, IConfiguration configuration) => services
        .AddReportPipelineCore(configuration)
        .AddDocuments(configuration)
        .AddExtraction(configuration)
        .AddReportPipelineInfrastructure(configuration)
        .AddTransient<IngestReportFunction>()
        .AddTransient<RecordFailedIngestFunction>()
        .AddTransient<ReconcileUploadsFunction>()
        .AddTransient<CompileSurveyFunction>()
        .AddTransient<GetSurveyLinksFunction>()
        .AddTransient<RequestUploadSlotFunction>()
        .AddTransient<ListUploadsFunction>()
        .AddTransient<ListOpenPeriodsFunction>()
        .AddTransient<CompileSurveyNowFunction>()
        .AddTransient<GetStaffOverviewFunction>()
        .AddTransient<ListAllUploadsFunction>()
        .AddTransient<ListUploadKeysFunction>()
        .AddTransient<IssueUploadKeyFunction>()
        .AddTransient<RevokeUploadKeyFunction>()
        .AddTransient<ServePageFunction>()
        .AddTransient<SearchPassagesFunction>()
        .AddTransient<ListReviewsFunction>()
        .AddTransient<GetReviewFunction>()
        .AddTransient<DecideReviewFunction>()
        .AddTransient<GetIndicationsFunction>()
        .AddTransient<IndicateFunction>()
        .AddSingleton(StaffPlatform.Read(configuration))
        .AddSingleton<StaffAccess>()
        .AddSingleton<StateReports>();

    /// <summary>What Program runs: the pipeline and its telemetry on the Functions worker.</summary>
    public static FunctionsApplicationBuilder AddReportPipelineWorker(this FunctionsApplicationBuilder builder)
    {
        // HTTP functions take ASP.NET Core's HttpRequest and return IActionResult, so the local host can serve the same classes.
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddReportPipeline(builder.Configuration);
        return builder.AddReportPipelineTelemetry();
    }

    /// <summary>
    /// Builds the services outside the Functions host (the CLI, the tests) and validates every option set at once, as the
    /// host does on start, so a bad setting stops the command before it does anything.
    /// </summary>
    public static ServiceProvider BuildValidatedProvider(this IServiceCollection services)
    {
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }
}
