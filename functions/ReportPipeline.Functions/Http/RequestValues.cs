using System.Net;
using System.Text.Json;
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

    /// <summary>
    /// A state-changing request whose browser names another origin than the host it was sent to (a page elsewhere riding a
    /// sign-in, or a key a page holds). Browsers send <c>Origin</c> with every cross-origin POST; a client with none is no browser.
    /// </summary>
    public static bool CrossOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.Headers.Origin.FirstOrDefault() is not { } origin)
        {
            return false;
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The JSON body as <typeparamref name="T"/>, or null when it is longer than <paramref name="maxBytes"/> or not that JSON.</summary>
    public static async Task<T?> ReadJsonAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > maxBytes)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), ApiReply.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static ApiReply BadPeriod(string? text) =>
        ApiReply.Error(HttpStatusCode.BadRequest, Core.ReasonCodes.BadPeriod, $"'{Display(text)}' is not a reporting period; use {Core.Period.Rule}.");

    /// <summary>
    /// The question a request names, a letter from a to d; none when it names none. False, with the reply to send, when it
    /// names something else.
    /// </summary>
    public static bool TryOptionalQuestion(string? text, out Core.Question? question, out ApiReply? refusal)
    {
        (question, refusal) = (null, null);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length == 1 && Core.Question.TryParse(text[0], out var q))
        {
            question = q;
            return true;
        }

        refusal = ApiReply.Error(HttpStatusCode.BadRequest, Core.ReasonCodes.BadQuestion, "Name the question as a, b, c or d.");
        return false;
    }

    private static string Display(string? text) => new([.. (text ?? "").Where(char.IsAsciiLetterOrDigit).Take(12)]);
}
