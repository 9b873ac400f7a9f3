using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Functions.Ingestion;
using ReportPipeline.Functions.Surveys;
using ReportPipeline.Functions.Uploads;

namespace ReportPipeline.Functions;

/// <summary>Registers the function classes so that a local host (the CLI) can resolve and call them as the worker does.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddReportPipelineFunctions(this IServiceCollection services) => services
        .AddTransient<IngestReportFunction>()
        .AddTransient<CompileSurveyFunction>()
        .AddTransient<GetSurveyLinksFunction>()
        .AddTransient<RequestUploadSlotFunction>();
}
