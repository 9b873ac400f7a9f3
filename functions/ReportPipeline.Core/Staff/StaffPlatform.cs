using Microsoft.Extensions.Configuration;

namespace ReportPipeline.Core.Staff;

/// <summary>
/// What the platform the app runs on says about staff sign-in, read once from the settings App Service sets itself:
/// whether App Service Authentication is on (<c>WEBSITE_AUTH_ENABLED</c>), and whether this is Azure at all
/// (<c>WEBSITE_INSTANCE_ID</c> or <c>WEBSITE_SITE_NAME</c>).
/// </summary>
public sealed record StaffPlatform(bool AuthenticationEnabled, bool InAzure)
{
    public const string AuthenticationEnabledSetting = "WEBSITE_AUTH_ENABLED";
    public const string InstanceIdSetting = "WEBSITE_INSTANCE_ID";
    public const string SiteNameSetting = "WEBSITE_SITE_NAME";

    /// <summary>The identity provider App Service names for Microsoft Entra ID in <c>X-MS-CLIENT-PRINCIPAL-IDP</c>.</summary>
    public const string EntraProvider = "aad";

    public static StaffPlatform Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(
            string.Equals(configuration[AuthenticationEnabledSetting], "true", StringComparison.OrdinalIgnoreCase),
            !string.IsNullOrEmpty(configuration[InstanceIdSetting]) || !string.IsNullOrEmpty(configuration[SiteNameSetting]));
    }
}
