using System.Collections.Concurrent;

namespace KazakhUnrest.Scraper.Fetching;

/// <summary>
/// Per-host politeness: one request at a time per host, and at least the host's delay between the end
/// of one request and the start of the next; different hosts proceed in parallel.
/// </summary>
internal sealed class HostGate(TimeSpan defaultDelay, IReadOnlyDictionary<string, TimeSpan> hostDelays, TimeSpan maxDelay, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, HostSlot> _slots = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TimeSpan> _hostDelays = new(hostDelays, StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for the host's turn; dispose the result when the request (body included) is done.</summary>
    public async Task<IDisposable> EnterAsync(string host, CancellationToken ct)
    {
        var slot = Slot(host);
        await slot.Lock.WaitAsync(ct);
        try
        {
            var wait = slot.LastRequestEnd + slot.Delay - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct);
            }
        }
        catch
        {
            slot.Lock.Release();
            throw;
        }

        return new Turn(slot, time);
    }

    /// <summary>
    /// Applies the host's robots.txt Crawl-delay (null when it has none). It may only make us slower than
    /// configured, never beyond the cap, so one hostile file cannot stall a host forever.
    /// </summary>
    /// <returns>Whether the host's delay changed.</returns>
    public bool SetCrawlDelay(string host, TimeSpan? crawlDelay)
    {
        var slot = Slot(host);
        var configured = ConfiguredDelay(host);
        var capped = crawlDelay > maxDelay ? maxDelay : crawlDelay ?? TimeSpan.Zero;
        var delay = capped > configured ? capped : configured;
        var changed = delay != slot.Delay;
        slot.Delay = delay;
        return changed;
    }

    private HostSlot Slot(string host) => _slots.GetOrAdd(host, h => new HostSlot(ConfiguredDelay(h)));

    private TimeSpan ConfiguredDelay(string host) => _hostDelays.GetValueOrDefault(host, defaultDelay);

    private sealed class HostSlot(TimeSpan delay)
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public TimeSpan Delay { get; set; } = delay;
        public DateTimeOffset LastRequestEnd { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class Turn(HostSlot slot, TimeProvider time) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                slot.LastRequestEnd = time.GetUtcNow();
                slot.Lock.Release();
            }
        }
    }
}
