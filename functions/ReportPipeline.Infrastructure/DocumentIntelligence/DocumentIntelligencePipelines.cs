using Polly;

namespace ReportPipeline.Infrastructure.DocumentIntelligence;

/// <summary>The Polly pipelines of the Document Intelligence client; Polly.Testing asserts their shape.</summary>
public static class DocumentIntelligencePipelines
{
    /// <summary>One HTTP request: retry (outermost), circuit breaker, attempt timeout (innermost).</summary>
    public const string Request = "document-intelligence-request";

    /// <summary>One whole analysis, submit to result.</summary>
    public const string Total = "document-intelligence-total";

    public static void ConfigureRequest(ResiliencePipelineBuilder<HttpResponseMessage> builder, DocumentIntelligenceOptions options) =>
        builder.AddRequestStrategies(options);

    public static void ConfigureTotal(ResiliencePipelineBuilder builder, DocumentIntelligenceOptions options) =>
        builder.AddTimeout(options.TotalTimeout);
}
