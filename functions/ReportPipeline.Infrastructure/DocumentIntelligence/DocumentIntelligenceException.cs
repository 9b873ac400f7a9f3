using System.Net;

namespace ReportPipeline.Infrastructure.DocumentIntelligence;

/// <summary>A failure of the service or of our configuration (not of the document): the host retries later.</summary>
public sealed class DocumentIntelligenceException(HttpStatusCode status, string code, string message) : Exception($"{code}: {message}")
{
    public HttpStatusCode Status { get; } = status;

    public string Code { get; } = code;
}
