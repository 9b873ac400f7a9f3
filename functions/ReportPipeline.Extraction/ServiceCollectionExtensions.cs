using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Review;

namespace ReportPipeline.Extraction;

/// <summary>Extraction's part of the composition root: the local extractor and the router that chooses who answers.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddExtraction(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ExtractionOptions>(configuration, ExtractionOptions.SectionName);
        services.AddSingleton<AnswerExtractor>();
        services.AddSingleton<IAnswerExtractor, ExtractionRouter>();
        services.AddSingleton<IPassageCandidates, LexiconCandidates>();
        return services;
    }
}
