using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ReportPipeline.Functions.Web;

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
