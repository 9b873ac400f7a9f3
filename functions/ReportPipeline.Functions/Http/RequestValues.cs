using System.Net;
using Microsoft.AspNetCore.Http;

namespace ReportPipeline.Functions.Http;

/// <summary>What a request carries: a Member State's upload key, and query values.</summary>
public static class RequestValues
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>The key of <c>Authorization: Bearer {key}</c>, the only place a state's key travels; null without one.</summary>
    public static string? UploadKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.FirstOrDefault();
        return header is not null && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
    }

    public static ApiReply BadPeriod(string? text) =>
        ApiReply.Error(HttpStatusCode.BadRequest, Core.ReasonCodes.BadPeriod, $"'{Display(text)}' is not a reporting period; use {Core.Period.Rule}.");

    private static string Display(string? text) => new([.. (text ?? "").Where(char.IsAsciiLetterOrDigit).Take(12)]);
}
