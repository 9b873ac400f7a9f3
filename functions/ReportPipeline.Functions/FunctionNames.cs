namespace ReportPipeline.Functions;

/// <summary>Function names are a deployment contract: the Event Grid subscription addresses Host.Functions.IngestReport.</summary>
public static class FunctionNames
{
    public const string IngestReport = "IngestReport";
    public const string CompileSurvey = "CompileSurvey";
    public const string GetSurveyLinks = "GetSurveyLinks";
    public const string RequestUploadSlot = "RequestUploadSlot";
    public const string RecordFailedIngest = "RecordFailedIngest";
    public const string ReconcileUploads = "ReconcileUploads";
    public const string ListUploads = "ListUploads";
    public const string ListOpenPeriods = "ListOpenPeriods";
    public const string CompileSurveyNow = "CompileSurveyNow";
    public const string GetStaffOverview = "GetStaffOverview";
    public const string ListAllUploads = "ListAllUploads";
    public const string ListUploadKeys = "ListUploadKeys";
    public const string IssueUploadKey = "IssueUploadKey";
    public const string RevokeUploadKey = "RevokeUploadKey";
    public const string ServePage = "ServePage";
    public const string SearchPassages = "SearchPassages";
    public const string ListReviews = "ListReviews";
    public const string GetReview = "GetReview";
    public const string DecideReview = "DecideReview";
    public const string GetIndications = "GetIndications";
    public const string Indicate = "Indicate";
}
