namespace KazakhUnrest.Scraper.Pipeline;

/// <summary>
/// Runs one capture's extraction under a time budget. The caller stops waiting when the budget is spent and the work is
/// told to stop (it checks its token between stages), so one slow page costs the batch no more than the budget. An
/// extraction that fails or overruns becomes an <see cref="IngestException"/> naming why: the input is refused, the
/// batch goes on.
/// </summary>
public static class ExtractBudget
{
    public static async Task<T> RunAsync<T>(Func<CancellationToken, T> extract, TimeSpan budget, TimeProvider time, CancellationToken ct)
    {
        // Not disposed here: work that overran (or has not even started yet on a busy thread pool) still reads the token
        // after this method has given up on it; the source goes when the work itself ends.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var work = Task.Run(() => extract(stop.Token), CancellationToken.None);
        _ = work.ContinueWith(static (t, source) =>
        {
            ((CancellationTokenSource)source!).Dispose();
            _ = t.Exception; // observed, so an abandoned failure is not an unobserved task exception
        }, stop, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            return await work.WaitAsync(budget, time, ct);
        }
        catch (TimeoutException)
        {
            // The work ends at its next check; it is not awaited, the next input should not wait for it.
            try
            {
                await stop.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // The work ended between the timeout and here: nothing left to stop.
            }

            throw new IngestException($"extraction took longer than its budget of {budget.TotalSeconds:0.###} s (Ingest:ExtractTimeBudget)");
        }
        catch (Exception e) when (e is not (OperationCanceledException or IngestException) || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new IngestException($"extraction failed: {e.GetType().Name}: {e.Message}");
        }
    }
}
