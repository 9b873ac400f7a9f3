using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace ReportPipeline.Cli;

/// <summary>
/// An HTTP request as the Functions host hands it to an HTTP function, held in memory: the CLI calls the function class
/// with it where no host runs, and writes the function's result as the host would. Everything behind the function is real.
/// </summary>
internal static class LocalHttpRequest
{
    public static HttpRequest Create(string method, string path, string body, string? authorization)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Writes <paramref name="result"/> into the request's response, as the worker does, and returns it from its start.</summary>
    public static async Task<LocalHttpResponse> RespondAsync(HttpRequest request, IActionResult result)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        var body = (MemoryStream)context.Response.Body;
        body.Position = 0;
        return new LocalHttpResponse(context.Response.StatusCode, body);
    }
}
