using System.Net;

namespace ReportPipeline.Infrastructure.Translation;

/// <summary>The Translator answered with an error, or with something that is not a translation of what was sent.</summary>
public sealed class TranslatorException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
