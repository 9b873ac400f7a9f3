using System.Text;
using System.Text.Json;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Functions.Web;

/// <summary>
/// <c>/assets/portal-strings.js</c>: the portal's languages and words (each profile's <c>portal.json</c>), written once from
/// the loaded language profiles, so the page has no copy of its own and a new profile appears in its language picker.
/// </summary>
public static class PortalStringsScript
{
    public const string Path = "assets/portal-strings.js";

    public const string StringsFile = "portal.json";

    public static WebFile Render(LanguageProfiles profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var portal = new
        {
            reference = profiles.Reference.Code,
            languages = profiles.All.Select(p => new { code = p.Code, name = p.NativeName, dir = p.Direction, strings = p.Strings(StringsFile) }),
        };

        // The default encoder escapes every character that is not plain ASCII, so no text can close the script or the string.
        var script = "'use strict';\nwindow.PortalStrings = " + JsonSerializer.Serialize(portal) + ";\n";
        return new WebFile(Path, "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(script));
    }
}
