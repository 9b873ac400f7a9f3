using System.Collections.Frozen;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Functions.Web;

/// <summary>
/// The member-state portal (<c>/</c>) and the staff desk (<c>/staff</c>) with their scripts and styles: plain files embedded
/// in the app, and the portal's words rendered from the language profiles, so the function app serves them in Azure and
/// <c>serve</c> locally, with no build step and nothing from a CDN.
/// </summary>
public static class WebPages
{
    private const string Prefix = "Web/";

    /// <summary>Every file by the path it is served at (no leading slash): <c>""</c> the portal, <c>staff</c> the desk, <c>staff/review</c> its review page, <c>assets/…</c>.</summary>
    public static FrozenDictionary<string, WebFile> Files { get; } = Load();

    /// <summary>The paths only staff need; App Service Authentication guards them, and lets the others through for member states.</summary>
    public static IReadOnlySet<string> StaffPaths { get; } = new HashSet<string>(["staff", "assets/desk.js", "assets/staff.js", "staff/review", "assets/review.js", "assets/search.js", "assets/keys.js"], StringComparer.Ordinal);

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
                    "review.html" => "staff/review",
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
