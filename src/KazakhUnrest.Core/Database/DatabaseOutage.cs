using Npgsql;

namespace KazakhUnrest.Core.Database;

/// <summary>
/// The one place that tells "the database is unreachable or went away" from every other failure. Such an outage is
/// nobody's fault among the things being processed (a source, a file, a page), so callers neither record it on them
/// nor skip to the next: they stop, or (the service) wait and try again.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>
    /// True when <paramref name="e"/> or an exception inside it says the server could not be reached or dropped the
    /// connection: a client-side Npgsql failure (refused, reset, end of stream, timeout) or the server's own word that
    /// it is going away (SQLSTATE class 08, 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
    /// EF Core wraps these (in <see cref="InvalidOperationException"/> "likely due to a transient failure", in
    /// <c>DbUpdateException</c>), so the inner exceptions are searched too.
    /// </summary>
    public static bool IsDatabaseGone(this Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException server:
                    // The server answered: only its connection and shutdown codes mean it is going away; a constraint
                    // violation or a syntax error is a real error of the statement.
                    return server.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || server.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                            or PostgresErrorCodes.CannotConnectNow;
                case NpgsqlException { IsTransient: true }:
                    // Npgsql marks a client-side failure transient when it came from the socket (IOException,
                    // SocketException) or a timeout: the server is not there, or no longer answering.
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Count > 1:
                    return aggregate.InnerExceptions.Any(IsDatabaseGone);
            }
        }

        return false;
    }

    /// <summary>What the client or the server said, in one line: "Failed to connect to 127.0.0.1:5432: Connection refused".</summary>
    public static string Reason(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException server:
                    return $"{server.MessageText} ({server.SqlState})";
                case NpgsqlException client:
                    return client.InnerException is { } cause ? $"{client.Message}: {cause.Message}" : client.Message;
            }
        }

        return e.Message;
    }

    /// <summary>The server and database a connection string points at, <c>host:port/database</c>, never the password.</summary>
    public static string Target(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "(no database configured)";
        }

        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{parsed.Host}:{parsed.Port}/{parsed.Database}";
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }
}
