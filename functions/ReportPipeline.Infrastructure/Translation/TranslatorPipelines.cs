using Polly;

namespace ReportPipeline.Infrastructure.Translation;

/// <summary>The Polly pipeline of the Translator client, the same strategies as Document Intelligence's and Azure OpenAI's.</summary>
public static class TranslatorPipelines
{
    /// <summary>One HTTP request: retry (outermost), circuit breaker, attempt timeout (innermost).</summary>
    public const string Request = "translator-request";

    public static void ConfigureRequest(ResiliencePipelineBuilder<HttpResponseMessage> builder, TranslatorOptions options) =>
        builder.AddRequestStrategies(options);
}
