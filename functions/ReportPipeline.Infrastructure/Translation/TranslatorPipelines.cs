using Polly;

namespace ReportPipeline.Infrastructure.Translation;

/// <summary>The Polly pipeline of the Translator client, the same strategies as Document Intelligence's and Azure OpenAI's.</summary>
public static class TranslatorPipelines
{
    /// <summary>One batch: a bound on the whole call (outermost), then retry, circuit breaker, attempt timeout (innermost).</summary>
    public const string Request = "translator-request";

    public static void ConfigureRequest(ResiliencePipelineBuilder<HttpResponseMessage> builder, TranslatorOptions options) =>
        builder.AddTimeout(options.TotalTimeout).AddRequestStrategies(options);
}
