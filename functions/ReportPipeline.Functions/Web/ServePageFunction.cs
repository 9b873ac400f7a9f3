using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ReportPipeline.Core;
using ReportPipeline.Functions.Http;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Functions.Web;

/// <summary>HTTP GET on any other path: the portal at <c>/</c>, the staff desk at <c>/staff</c>, and their files under <c>/assets/</c>.</summary>
public sealed class ServePageFunction(StorageClientFactory storage)
{
    [Function(FunctionNames.ServePage)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{*path}")] HttpRequest request,
        string? path) =>
        WebPages.Files.TryGetValue(path?.TrimEnd('/') ?? "", out var file)
            ? new PageReply(file, storage.Blobs.Uri.GetLeftPart(UriPartial.Authority))
            : ApiReply.Error(HttpStatusCode.NotFound, ReasonCodes.NotFound, "There is no such page.");
}
