using System.Globalization;

namespace ReportPipeline.Local;

/// <summary>
/// Trouble as an overloaded or failing resource gives it: <paramref name="Bursts"/> by the order requests arrive in, and an
/// outage, 503 to every request for <paramref name="OutageLength"/> from the <paramref name="OutageFrom"/>th request on
/// (by time, since a client whose circuit breaker opens sends almost nothing while it waits).
/// </summary>
public sealed record FaultBursts(IReadOnlyList<FaultBurst> Bursts, int OutageFrom = -1, TimeSpan OutageLength = default, int RetryAfterSeconds = 1)
{
    /// <summary>
    /// A quarter of the requests in short bursts (3 throttled and, later, 2 unavailable in every 20), and from the 7th
    /// request on a 10-second outage, which outlasts a request's retries and opens the client's circuit breaker.
    /// </summary>
    public static FaultBursts Soak { get; } = new([new(2, 3, 429, Every: 20), new(14, 2, 503, Every: 20)], OutageFrom: 6, OutageLength: TimeSpan.FromSeconds(10));

    /// <summary>The fault the <paramref name="index"/>th request (from 0) meets in a burst, or null.</summary>
    public Reply? For(long index) => Bursts.FirstOrDefault(b => b.Covers(index)) switch
    {
        null => null,
        { Status: 429 } => FakeDocumentIntelligence.Error(429, "429", headers: new Dictionary<string, string> { ["Retry-After"] = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture) }),
        { Status: var status } => FakeDocumentIntelligence.Error(status, "ServiceUnavailable"),
    };
}
