namespace ReportPipeline.Core.Staff;

/// <summary>
/// Who made a staff request (null: nobody signed in, 401) and whether they hold the role asked for (else 403); or, when
/// <see cref="Closed"/> is set, why nobody can be staff on this deployment at all, in plain words.
/// </summary>
public sealed record StaffDecision(StaffPrincipal? Principal, bool Allowed, string? Closed = null);
