using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>
/// A fake clock that stands still until the test advances it, and tells the test when the code under test
/// starts waiting on it, so a test can step through delays and timeouts without sleeping.
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    /// <summary>Where every test clock starts: a fixed moment, so stored times can be compared exactly.</summary>
    public static readonly DateTimeOffset Origin = new(2022, 1, 10, 12, 0, 0, TimeSpan.Zero);

    // Only a guard against a hung test; no assertion depends on how long anything takes.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public TestClock()
        : base(Origin)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until something starts a timer of exactly <paramref name="due"/> on this clock (a delay, a timeout).</summary>
    public async Task WaitForTimerAsync(TimeSpan due)
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            while (await _timers.Reader.ReadAsync(patience.Token) != due)
            {
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"nothing started waiting {due} on the test clock");
        }
    }
}
