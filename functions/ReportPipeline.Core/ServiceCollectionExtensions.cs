using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core.Extraction;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Layout;
using ReportPipeline.Core.Layout.Docx;
using ReportPipeline.Core.Layout.Html;
using ReportPipeline.Core.Layout.Pdf;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Survey;
using ReportPipeline.Core.Telemetry;
using ReportPipeline.Core.Uploads;

namespace ReportPipeline.Core;

/// <summary>The composition root of Core.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddReportPipelineCore(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LinkOptions>().BindConfiguration(LinkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton<UploadSlotService>();
        services.AddSingleton<CredentialService>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => MemberStateRegistry.LoadEmbedded());
        services.AddSingleton(ThemeCatalog.Default);
        services.AddSingleton<IFormatAnalyzer, PlainTextAnalyzer>();
        services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IFormatAnalyzer, PdfAnalyzer>();
        services.AddSingleton<IFormatAnalyzer, DocxAnalyzer>();
        services.AddSingleton<IFormatAnalyzer, HtmlAnalyzer>();
        services.AddSingleton<IDocumentAnalyzer, DocumentAnalyzer>();
        services.AddSingleton<IAnswerExtractor, AnswerExtractor>();
        services.AddSingleton<ReportIngestor>();
        services.AddSingleton<SurveyCompiler>();
        services.AddSingleton<ISurveyRenderer, HtmlSurveyRenderer>();
        services.AddSingleton<ISurveyRenderer, JsonSurveyRenderer>();
        services.AddSingleton<ISurveyRenderer, CsvSurveyRenderer>();
        services.AddSingleton<SurveyPublisher>();
        services.AddSingleton<SurveyLinkService>();
        return services;
    }
}
