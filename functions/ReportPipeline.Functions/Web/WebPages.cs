using System.Collections.Frozen;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core.Languages;
using ReportPipeline.Functions.Http;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Functions.Web;

/// <summary>A file of the two pages, as embedded in this assembly from <c>Web/</c>.</summary>
public sealed record WebFile(string Path, string ContentType, byte[] Content);

/// <summary>
/// The member-state portal (<c>/</c>) and the staff desk (<c>/staff</c>) with their scripts and styles: plain files embedded
/// in the app, and the portal's words rendered from the language profiles, so the function app serves them in Azure and
/// <c>serve</c> locally, with no build step and nothing from a CDN.
/// </summary>
public static class WebPages
{
    private const string Prefix = "Web/";

    /// <summary>Every file by the path it is served at (no leading slash): <c>""</c> the portal, <c>staff</c> the desk, <c>assets/…</c>.</summary>
    public static FrozenDictionary<string, WebFile> Files { get; } = Load();

    /// <summary>The paths only staff need; App Service Authentication guards them, and lets the others through for member states.</summary>
    public static IReadOnlySet<string> StaffPaths { get; } = new HashSet<string>(["staff", "assets/staff.js"], StringComparer.Ordinal);

    private static FrozenDictionary<string, WebFile> Load()
    {
        var assembly = typeof(WebPages).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var path = n[Prefix.Length..] switch
                {
                    "index.html" => "",
                    "staff.html" => "staff",
                    var other => other,
                };
                return new WebFile(path, ContentType(n), copy.ToArray());
            })
            .Append(PortalStringsScript.Render(LanguageProfiles.Embedded))
            .ToFrozenDictionary(f => f.Path, StringComparer.Ordinal);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        var other => throw new InvalidOperationException($"Web/ holds a file of an unknown type: {other}."),
    };
}

/// <summary>One file of the pages, with the headers that keep them safe: scripts only from this origin, uploads only to the storage account.</summary>
public sealed class PageReply(WebFile file, string blobOrigin) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = file.ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XFrameOptions = "DENY";
        // Report text is rendered with textContent, and no script runs but ours; the browser PUTs a report straight to its slot.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + $"connect-src 'self' {blobOrigin}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        return response.Body.WriteAsync(file.Content, context.HttpContext.RequestAborted).AsTask();
    }
}

/// <summary>HTTP GET on any other path: the portal at <c>/</c>, the staff desk at <c>/staff</c>, and their files under <c>/assets/</c>.</summary>
public sealed class ServePageFunction(StorageClientFactory storage)
{
    [Function(FunctionNames.ServePage)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{*path}")] HttpRequest request,
        string? path) =>
        WebPages.Files.TryGetValue(path?.TrimEnd('/') ?? "", out var file)
            ? new PageReply(file, storage.Blobs.Uri.GetLeftPart(UriPartial.Authority))
            : ApiReply.Error(HttpStatusCode.NotFound, "not-found", "There is no such page.");
}
