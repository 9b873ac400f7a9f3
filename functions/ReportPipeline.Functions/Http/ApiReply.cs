using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace ReportPipeline.Functions.Http;

/// <summary>
/// Every answer of the HTTP API: JSON, never cached. It writes itself, so the Functions worker and the local host
/// (<c>serve</c>) send the same bytes without MVC's formatters.
/// </summary>
public sealed class ApiReply(HttpStatusCode status, object body) : IActionResult
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ApiReply Ok(object body) => new(HttpStatusCode.OK, body);

    /// <summary>A refusal: <c>{"error": code, "message": plain words}</c>.</summary>
    public static ApiReply Error(HttpStatusCode status, string code, string message) => new(status, new { error = code, message });

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = (int)status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        if (status == HttpStatusCode.Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        await JsonSerializer.SerializeAsync(response.Body, body, body.GetType(), Json, context.HttpContext.RequestAborted);
    }
}
