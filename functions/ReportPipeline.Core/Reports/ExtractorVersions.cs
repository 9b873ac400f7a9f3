namespace ReportPipeline.Core.Reports;

/// <summary>The version names of the Azure OpenAI extractor.</summary>
public static class ExtractorVersions
{
    /// <summary><c>azure-openai/{deployment}</c>: the deployment, not the model that answered, so a replay is recognised before the model is asked.</summary>
    public static string AzureOpenAI(string deployment) => $"azure-openai/{deployment}";
}
