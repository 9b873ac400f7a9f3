using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Languages;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Survey;
using ReportPipeline.Core.Survey.Translation;
using ReportPipeline.Core.Telemetry;
using ReportPipeline.Core.Uploads;

namespace ReportPipeline.Core;

/// <summary>Core's part of the composition root: its services, and its options bound from <c>configuration</c> and validated on start.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddReportPipelineCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<IngestionOptions>(configuration, IngestionOptions.SectionName);
        services.AddValidatedOptions<LinkOptions>(configuration, LinkOptions.SectionName);
        services.AddValidatedOptions<UploadOptions>(configuration, UploadOptions.SectionName);
        services.AddValidatedOptions<PeriodOptions>(configuration, PeriodOptions.SectionName);
        services.AddValidatedOptions<StaffOptions>(configuration, StaffOptions.SectionName);
        services.AddValidatedOptions<ReviewOptions>(configuration, ReviewOptions.SectionName);
        services.AddSingleton<IValidateOptions<LanguageProfilesCheck>, LanguageProfilesCheck>();
        services.AddOptions<LanguageProfilesCheck>().ValidateOnStart();
        services.AddSingleton(_ => LanguageProfiles.Embedded);
        services.AddMetrics();
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton<UploadSlotService>();
        services.AddSingleton<CredentialService>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => MemberStateRegistry.LoadEmbedded());
        services.AddSingleton(_ => ThemeCatalog.Default);
        services.AddSingleton<ReportLayouts>();
        services.AddSingleton<ReportIngestor>();
        services.AddSingleton<IngestionFailures>();
        services.AddSingleton<UploadReconciler>();
        services.AddSingleton<UploadStatusQuery>();
        services.AddSingleton<CoverageQuery>();
        services.AddSingleton<SurveyCompiler>();
        services.AddSingleton(sp => SurveyLanguages.Load(sp.GetRequiredService<LanguageProfiles>()));
        foreach (var code in SurveyLanguages.Codes)
        {
            services.AddSingleton<ISurveyRenderer>(sp => sp.GetRequiredService<SurveyLanguages>().Renderer(code));
        }

        services.AddSingleton<ISurveyRenderer, JsonSurveyRenderer>();
        services.AddSingleton<ISurveyRenderer, CsvSurveyRenderer>();
        services.AddSingleton<ExcerptTranslator>();
        services.AddSingleton<SurveyPublisher>();
        services.AddSingleton<SurveyLinkService>();
        services.AddSingleton<IPassageCandidates, RankedCandidates>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<StateIndicationService>();
        services.AddSingleton<PassageSearch>();
        return services;
    }

    /// <summary>Binds an option set to its section and checks its data annotations when the app starts, not when first used.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where TOptions : class =>
        services.AddOptions<TOptions>().Bind(configuration.GetSection(sectionName)).ValidateDataAnnotations().ValidateOnStart();
}
