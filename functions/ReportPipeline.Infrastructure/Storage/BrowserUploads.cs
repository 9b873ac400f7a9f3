using Azure.Storage.Blobs.Models;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// The CORS rule that lets the portal's page PUT a report to its slot URL: Bicep sets it on the storage account for the
/// app's origin, <c>serve</c> on the local emulator for its own. Only PUT, with the two headers the page sends.
/// </summary>
public static class BrowserUploads
{
    public const string Methods = "PUT";
    public const string Headers = "x-ms-blob-type,content-type";
    public const int MaxAgeSeconds = 3600;

    public static BlobCorsRule Rule(string origin) => new()
    {
        AllowedOrigins = origin,
        AllowedMethods = Methods,
        AllowedHeaders = Headers,
        ExposedHeaders = "",
        MaxAgeInSeconds = MaxAgeSeconds,
    };
}
