using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents.Docx;
using ReportPipeline.Documents.Html;
using ReportPipeline.Documents.Pdf;

namespace ReportPipeline.Documents;

/// <summary>Documents' part of the composition root: the analyzers of each format, the router over them, and their bounds.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AnalysisOptions>(configuration, AnalysisOptions.SectionName);
        services.AddSingleton<IFormatAnalyzer, PlainTextAnalyzer>();
        services.AddSingleton<IFormatAnalyzer, PdfAnalyzer>();
        services.AddSingleton<IFormatAnalyzer, DocxAnalyzer>();
        services.AddSingleton<IFormatAnalyzer, HtmlAnalyzer>();
        services.AddSingleton<IDocumentAnalyzer, DocumentAnalyzer>();
        return services;
    }
}
