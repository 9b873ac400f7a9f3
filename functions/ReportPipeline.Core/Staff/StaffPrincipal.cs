using System.Text;
using System.Text.Json;

namespace ReportPipeline.Core.Staff;

/// <summary>A member of staff as signed in: an id and a name for the audit log, and the app roles held.</summary>
public sealed record StaffPrincipal(string Id, string Name, IReadOnlySet<string> Roles, bool IsLocal)
{
    /// <summary>Longer than any principal App Service sends; a longer header is not one.</summary>
    public const int MaxHeaderLength = 64 * 1024;

    private const string RolesClaim = "roles";
    private static readonly string[] s_idClaims = ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];
    private static readonly string[] s_nameClaims = ["name", "preferred_username"];

    public bool Holds(string role) => Roles.Contains(role);

    /// <summary>The local host's user, with every role.</summary>
    public static StaffPrincipal Local(string userName) => new("local", userName, new HashSet<string>(StaffRoles.All, StringComparer.Ordinal), IsLocal: true);

    /// <summary>
    /// Reads App Service's <c>X-MS-CLIENT-PRINCIPAL</c>: Base64 of <c>{"auth_typ","claims":[{"typ","val"}],"name_typ","role_typ"}</c>. App roles
    /// arrive as claims of the type <c>role_typ</c> names or as <c>roles</c>. Null when the header is absent or not such a principal.
    /// </summary>
    public static StaffPrincipal? FromAppService(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderLength)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header.Trim())));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var roleType = Text(root, "role_typ") ?? RolesClaim;
            var nameType = Text(root, "name_typ");
            var pairs = claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object)
                .Select(c => (Type: Text(c, "typ") ?? "", Value: Text(c, "val") ?? ""))
                .Where(c => c.Value.Length > 0)
                .ToList();
            string? First(IEnumerable<string?> types) =>
                types.OfType<string>().Select(t => pairs.FirstOrDefault(c => c.Type == t).Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));
            var id = First(s_idClaims);
            if (id is null)
            {
                return null;
            }

            var roles = pairs.Where(c => c.Type == roleType || c.Type == RolesClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            return new StaffPrincipal(id, First([nameType, .. s_nameClaims]) ?? id, roles, IsLocal: false);
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
