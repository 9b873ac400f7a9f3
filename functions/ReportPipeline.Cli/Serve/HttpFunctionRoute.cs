using System.Reflection;

namespace ReportPipeline.Cli.Serve;

/// <summary>An HTTP function as its attributes declare it: the route and methods the Functions host serves it on.</summary>
internal sealed record HttpFunctionRoute(string Name, string Template, IReadOnlyList<string> Methods, MethodInfo Method);
