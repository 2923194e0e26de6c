using KazakhUnrest.Core.Database;

namespace KazakhUnrest.Scraper;

/// <summary>
/// The database went away while a command or the service was working; <see cref="Progress"/> says what was already
/// committed, in the words of the one that knew it (the import's file count, the crawl's leases, the service's tries).
/// </summary>
public sealed class DatabaseGoneException(string progress, Exception inner) : Exception(progress, inner)
{
    public string Progress { get; } = progress;

    /// <summary>The one line a person reads when the database went away: what happened, where, what is kept, what to do.</summary>
    public static string Explain(Exception e, string target)
    {
        var progress = Find(e)?.Progress ?? "What was committed before it went away is kept.";
        return $"error: the database at {target} went away or cannot be reached ({DatabaseOutage.Reason(e)}). {progress} " +
            "Nothing is half-written: each page and each batch is committed whole or not at all. " +
            "Run the same command again when the database is back; re-running is idempotent.";
    }

    private static DatabaseGoneException? Find(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is DatabaseGoneException gone)
            {
                return gone;
            }
        }

        return null;
    }
}
