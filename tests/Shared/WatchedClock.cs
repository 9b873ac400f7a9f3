using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ReportPipeline.TestServers;

/// <summary>
/// A fake clock that sees the code under test start a wait, so that the test moves time on exactly then: delays and
/// timeouts depend on what happened, never on how busy the machine is. It starts in 2000, before any real token expires.
/// </summary>
internal sealed class WatchedClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _armed.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>
    /// Until <paramref name="work"/> ends, and at most <paramref name="times"/> times, moves time on by the length of each
    /// wait shorter than <paramref name="under"/> as soon as it starts. Longer ones (the timeouts) pass only as a consequence.
    /// </summary>
    public async Task PassWaitsAsync(Task work, TimeSpan under, int times, CancellationToken cancellationToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        for (var passed = 0; passed < times;)
        {
            var started = _armed.Reader.ReadAsync(done.Token).AsTask();
            if (await Task.WhenAny(work, started) == work)
            {
                await done.CancelAsync();
                await ((Task)started).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return;
            }

            var wait = await started;
            if (wait > TimeSpan.Zero && wait < under)
            {
                Advance(wait);
                passed++;
            }
        }
    }
}
