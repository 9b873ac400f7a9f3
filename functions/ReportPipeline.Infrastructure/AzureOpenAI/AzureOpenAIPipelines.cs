using Polly;

namespace ReportPipeline.Infrastructure.AzureOpenAI;

/// <summary>
/// The resilience handler of the Azure OpenAI HttpClient, the one owner of its retries (the SDK's own are off): a bound
/// on the whole request (outermost), then the shared retry, circuit breaker and attempt timeout.
/// </summary>
public static class AzureOpenAIPipelines
{
    public const string Request = "azure-openai-request";

    public static void ConfigureRequest(ResiliencePipelineBuilder<HttpResponseMessage> builder, AzureOpenAIOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.AddTimeout(options.TotalTimeout).AddRequestStrategies(options);
    }
}
