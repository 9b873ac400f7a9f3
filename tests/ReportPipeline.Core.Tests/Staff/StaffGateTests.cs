using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ReportPipeline.Core.Staff;

namespace ReportPipeline.Core.Tests.Staff;

public sealed class StaffGateTests
{
    private const string RoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    private const string Entra = StaffPlatform.EntraProvider;

    /// <summary>App Service with its authentication on, as the app is deployed with an app registration.</summary>
    private static readonly StaffPlatform s_signedIn = new(AuthenticationEnabled: true, InAzure: true);

    /// <summary>The local host: no App Service around it.</summary>
    private static readonly StaffPlatform s_local = new(AuthenticationEnabled: false, InAzure: false);

    private static string Principal(object principal) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(principal)));

    /// <summary>What App Service sends for an Entra user: name and role claim types named, app roles as <c>roles</c>.</summary>
    private static string EntraUser(params string[] roles) => Principal(new
    {
        auth_typ = "aad",
        name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        role_typ = RoleType,
        claims = new[]
        {
            new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = "0c3e-oid" },
            new { typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", val = "Ada Analyst" },
            new { typ = "preferred_username", val = "ada@un.example" },
        }.Concat(roles.Select(r => new { typ = "roles", val = r })),
    });

    [Fact]
    public void Decide_AppServiceWithRole_AllowsTheNamedUser()
    {
        var decision = StaffGate.Decide(StaffAuthentication.AppService, s_signedIn, EntraUser(StaffRoles.SurveysRead), Entra, "local", StaffRoles.SurveysRead);

        Assert.True(decision.Allowed);
        Assert.Equal(("0c3e-oid", "Ada Analyst", false), (decision.Principal!.Id, decision.Principal.Name, decision.Principal.IsLocal));
    }

    [Fact]
    public void Decide_AppServiceWithAnotherRole_IsSignedInButNotAllowed()
    {
        var decision = StaffGate.Decide(StaffAuthentication.AppService, s_signedIn, EntraUser(StaffRoles.SurveysRead), Entra, "local", StaffRoles.PipelineOperate);

        Assert.False(decision.Allowed);
        Assert.Equal("Ada Analyst", decision.Principal!.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bnVsbA==")]
    [InlineData("e30=")]
    [InlineData("eyJjbGFpbXMiOiJ4In0=")]
    public void Decide_AppServiceWithoutAPrincipal_IsNobody(string? header)
    {
        var decision = StaffGate.Decide(StaffAuthentication.AppService, s_signedIn, header, Entra, "local", StaffRoles.SurveysRead);

        Assert.Equal((null, false), (decision.Principal, decision.Allowed));
    }

    [Fact]
    public void Decide_AppServicePrincipalWithoutAnId_IsNobody()
    {
        var header = Principal(new { auth_typ = "aad", claims = new[] { new { typ = "roles", val = StaffRoles.SurveysRead } } });

        Assert.Null(StaffGate.Decide(StaffAuthentication.AppService, s_signedIn, header, Entra, "local", StaffRoles.SurveysRead).Principal);
    }

    [Fact]
    public void Decide_AppServiceRolesUnderTheRoleClaimType_Count()
    {
        var header = Principal(new
        {
            role_typ = RoleType,
            claims = new[] { new { typ = "oid", val = "1" }, new { typ = RoleType, val = StaffRoles.PipelineOperate } },
        });

        var decision = StaffGate.Decide(StaffAuthentication.AppService, s_signedIn, header, Entra, "local", StaffRoles.PipelineOperate);

        Assert.True(decision.Allowed);
        Assert.Equal("1", decision.Principal!.Name);
    }

    [Fact]
    public void Decide_AppServiceHeaderLongerThanAnyPrincipal_IsNobody()
    {
        var header = Convert.ToBase64String(new byte[StaffPrincipal.MaxHeaderLength]);

        Assert.Null(StaffGate.Decide(StaffAuthentication.AppService, s_signedIn, header, Entra, "local", StaffRoles.SurveysRead).Principal);
    }

    [Fact]
    public void Decide_LocalUser_IgnoresAForgedPrincipalAndHoldsEveryRole()
    {
        var decision = StaffGate.Decide(StaffAuthentication.LocalUser, s_local, EntraUser(), Entra, "ops", StaffRoles.PipelineOperate);

        Assert.True(decision.Allowed);
        Assert.Equal(("ops", true), (decision.Principal!.Name, decision.Principal.IsLocal));
        Assert.Equal(StaffRoles.All.Order(StringComparer.Ordinal), decision.Principal.Roles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Options_Default_IsAppServiceSoAForgottenSettingLetsNobodyIn()
    {
        Assert.Equal(StaffAuthentication.AppService, new StaffOptions().Authentication);
    }

    /// <summary>Every mode but the local host's on a machine of its own: an Entra user with every role, forged by the caller.</summary>
    public static TheoryData<StaffAuthentication, bool, bool, string?> ForgedPrincipalSettings() => new()
    {
        { StaffAuthentication.AppService, false, true, Entra },
        { StaffAuthentication.AppService, false, false, Entra },
        { StaffAuthentication.AppService, true, true, null },
        { StaffAuthentication.AppService, true, true, "github" },
        { StaffAuthentication.Disabled, false, true, Entra },
        { StaffAuthentication.Disabled, true, true, Entra },
        { StaffAuthentication.LocalUser, false, true, Entra },
        { StaffAuthentication.LocalUser, true, true, Entra },
        { (StaffAuthentication)42, true, true, Entra },
    };

    [Theory]
    [MemberData(nameof(ForgedPrincipalSettings))]
    public void Decide_ForgedPrincipalWhereThePlatformVouchesForNobody_IsRefused(StaffAuthentication mode, bool authenticationOn, bool inAzure, string? provider)
    {
        var decision = StaffGate.Decide(mode, new StaffPlatform(authenticationOn, inAzure), EntraUser(StaffRoles.All.ToArray()), provider, "ops", StaffRoles.SurveysRead);

        Assert.Equal((null, false), (decision.Principal, decision.Allowed));
    }

    [Theory]
    [InlineData(StaffAuthentication.AppService, false, "App Service Authentication is not enabled")]
    [InlineData(StaffAuthentication.Disabled, true, "not set up")]
    [InlineData(StaffAuthentication.LocalUser, true, "refused in Azure")]
    public void Decide_ModeThatCanAdmitNobody_SaysWhyInPlainWords(StaffAuthentication mode, bool authenticationOn, string why)
    {
        var decision = StaffGate.Decide(mode, new StaffPlatform(authenticationOn, InAzure: true), EntraUser(StaffRoles.SurveysRead), Entra, "ops", StaffRoles.SurveysRead);

        Assert.Contains(why, decision.Closed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("True", null, null, true, false)]
    [InlineData("true", "abc", null, true, true)]
    [InlineData("False", null, "site", false, true)]
    [InlineData(null, null, null, false, false)]
    public void Platform_ReadFromAppServiceSettings(string? authEnabled, string? instance, string? site, bool authenticationOn, bool inAzure)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StaffPlatform.AuthenticationEnabledSetting] = authEnabled,
            [StaffPlatform.InstanceIdSetting] = instance,
            [StaffPlatform.SiteNameSetting] = site,
        }).Build();

        Assert.Equal(new StaffPlatform(authenticationOn, inAzure), StaffPlatform.Read(configuration));
    }
}
