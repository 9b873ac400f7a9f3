using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Functions;

namespace ReportPipeline.Cli.Serve;

/// <summary>
/// The HTTP functions of the app, read from their <c>[Function]</c> and <c>[HttpTrigger]</c> attributes, so the local host
/// serves the same classes on the same routes as Azure (host.json's route prefix is empty: each route names its <c>api/</c>).
/// </summary>
internal static class HttpFunctionRoutes
{
    public static IReadOnlyList<HttpFunctionRoute> All { get; } = [.. Discover()];

    /// <summary>Maps every route onto <paramref name="endpoints"/>, each request calling the function class from <paramref name="services"/>.</summary>
    public static void Map(IEndpointRouteBuilder endpoints, IServiceProvider services)
    {
        foreach (var route in All)
        {
            endpoints.MapMethods("/" + route.Template, route.Methods, context => InvokeAsync(route, services, context)).WithDisplayName(route.Name);
        }
    }

    private static IEnumerable<HttpFunctionRoute> Discover()
    {
        foreach (var method in typeof(FunctionNames).Assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)))
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().FirstOrDefault();
            if (method.GetCustomAttribute<FunctionAttribute>() is { } function && trigger is not null)
            {
                yield return new HttpFunctionRoute(function.Name, trigger.Route ?? function.Name, [.. (trigger.Methods ?? []).Select(m => m.ToUpperInvariant())], method);
            }
        }
    }

    /// <summary>Binds as the worker does: the request, route values by parameter name, and the request's cancellation.</summary>
    private static async Task InvokeAsync(HttpFunctionRoute route, IServiceProvider services, HttpContext context)
    {
        var function = services.GetRequiredService(route.Method.DeclaringType!);
        var arguments = route.Method.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest) ? context.Request
            : p.ParameterType == typeof(CancellationToken) ? context.RequestAborted
            : (object?)context.GetRouteValue(p.Name!)?.ToString()).ToArray();
        var returned = route.Method.Invoke(function, arguments);
        var result = returned is Task<IActionResult> pending ? await pending : (IActionResult)returned!;
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }
}
