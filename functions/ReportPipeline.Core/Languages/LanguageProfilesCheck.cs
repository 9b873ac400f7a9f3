using Microsoft.Extensions.Options;

namespace ReportPipeline.Core.Languages;

/// <summary>
/// Loads the embedded language profiles when the app validates its options on start (the host, or <c>BuildValidatedProvider</c>),
/// so a broken profile stops the app there, naming the language, the file and the key, and not at the first report.
/// </summary>
internal sealed class LanguageProfilesCheck : IValidateOptions<LanguageProfilesCheck>
{
    public ValidateOptionsResult Validate(string? name, LanguageProfilesCheck options)
    {
        try
        {
            _ = LanguageProfiles.Embedded;
            return ValidateOptionsResult.Success;
        }
        catch (InvalidDataException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
