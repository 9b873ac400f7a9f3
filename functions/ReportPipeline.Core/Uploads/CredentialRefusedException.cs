namespace ReportPipeline.Core.Uploads;

/// <summary>An upload key that cannot be issued or revoked as asked, with its reason code (<see cref="ReasonCodes"/>) and plain words.</summary>
public sealed class CredentialRefusedException(string reasonCode, string message, string paramName) : ArgumentException(message, paramName)
{
    public string ReasonCode { get; } = reasonCode;

    /// <summary>The message alone, without the parameter name <see cref="ArgumentException"/> appends.</summary>
    public string Reason { get; } = message;
}
