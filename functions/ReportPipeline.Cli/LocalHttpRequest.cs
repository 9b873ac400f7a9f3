using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace ReportPipeline.Cli;

/// <summary>
/// An HTTP request as the Functions host hands it to an HTTP function, held in memory: the CLI (and the tests) call the
/// function class with it where no host runs. Everything behind the function is real.
/// </summary>
internal sealed class LocalHttpRequest(string method, Uri url, string body, string? authorization) : HttpRequestData(new LocalFunctionContext())
{
    public override Stream Body { get; } = new MemoryStream(Encoding.UTF8.GetBytes(body));

    public override HttpHeadersCollection Headers { get; } = authorization is null ? [] : new HttpHeadersCollection { { "Authorization", authorization } };

    public override IReadOnlyCollection<IHttpCookie> Cookies => [];

    public override Uri Url => url;

    public override IEnumerable<ClaimsIdentity> Identities => [];

    public override string Method => method;

    public override HttpResponseData CreateResponse() => new LocalHttpResponse(FunctionContext);
}

/// <summary>The response an HTTP function writes, kept in memory: status, headers and the body from its start.</summary>
internal sealed class LocalHttpResponse(FunctionContext context) : HttpResponseData(context)
{
    public override HttpStatusCode StatusCode { get; set; }

    public override HttpHeadersCollection Headers { get; set; } = [];

    public override Stream Body { get; set; } = new MemoryStream();

    public override HttpCookies Cookies => throw new NotSupportedException();
}

/// <summary>The invocation an in-memory request belongs to; the function classes read nothing of it.</summary>
internal sealed class LocalFunctionContext : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

    public override string FunctionId => "local";

    public override TraceContext TraceContext => null!;

    public override BindingContext BindingContext => null!;

    public override RetryContext RetryContext => null!;

    public override IServiceProvider InstanceServices { get; set; } = null!;

    public override FunctionDefinition FunctionDefinition => null!;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => null!;
}
