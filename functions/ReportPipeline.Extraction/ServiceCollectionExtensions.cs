using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Extraction.Learned;

namespace ReportPipeline.Extraction;

/// <summary>Extraction's part of the composition root: the local extractor and the router that chooses who answers.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddExtraction(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ExtractionOptions>(configuration, ExtractionOptions.SectionName);
        services.AddSingleton<AnswerExtractor>();
        services.AddSingleton(_ => ExtractionModel.Default);
        services.AddSingleton<LearnedExtractor>();
        services.AddSingleton<IPassageRanker>(sp => sp.GetRequiredService<LearnedExtractor>());
        services.AddSingleton<IAnswerExtractor, ExtractionRouter>();
        return services;
    }
}
