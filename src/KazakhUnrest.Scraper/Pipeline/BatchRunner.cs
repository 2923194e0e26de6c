namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Runs a batch step until nothing is pending, one run at a time in this process. Other processes are kept apart
/// by the database: each batch takes its own lock or claims its rows in its transaction.
/// </summary>
public sealed class BatchRunner
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <param name="batch">Handles one batch and returns how many articles it handled; 0 ends the run.</param>
    /// <param name="onBatch">Hears of each batch (for progress and benchmarks).</param>
    public async Task<int> RunAsync(Func<CancellationToken, Task<int>> batch, CancellationToken ct, Action<int>? onBatch = null)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var total = 0;
            int done;
            while ((done = await batch(ct)) > 0)
            {
                total += done;
                onBatch?.Invoke(done);
            }

            return total;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> alone (no batch of this runner at the same time).</summary>
    public async Task<T> AloneAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }
}
