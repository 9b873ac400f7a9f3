namespace ReportPipeline.Infrastructure.Storage;

/// <summary>Containers and tables of the pipeline's storage account.</summary>
public static class StorageNames
{
    public const string ConnectionName = "PipelineStorage";
    public const string ReportsContainer = "reports";
    public const string QuarantineContainer = "reports-quarantine";
    public const string SurveysContainer = "surveys";
    public const string LayoutsContainer = "layouts";
    public const string UploadsTable = "Uploads";
    public const string SubmissionsTable = "Submissions";
    public const string AnswersTable = "Answers";
    public const string SurveysTable = "Surveys";
    public const string CredentialsTable = "Credentials";
    public const string TranslationsTable = "Translations";

    public const string ReviewsTable = "Reviews";

    public static IReadOnlyList<string> Containers { get; } = [ReportsContainer, QuarantineContainer, SurveysContainer, LayoutsContainer];

    public static IReadOnlyList<string> Tables { get; } = [UploadsTable, SubmissionsTable, AnswersTable, SurveysTable, CredentialsTable, TranslationsTable, ReviewsTable];
}
