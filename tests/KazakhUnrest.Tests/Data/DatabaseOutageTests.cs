using System.Net.Sockets;
using KazakhUnrest.Core.Database;
using KazakhUnrest.Scraper;
using KazakhUnrest.Scraper.Crawl;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KazakhUnrest.Tests.Data;

public sealed class DatabaseOutageTests
{
    private static NpgsqlException Refused() =>
        new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    private static PostgresException Server(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    public static TheoryData<string, Exception, bool> Cases => new()
    {
        { "connection refused", Refused(), true },
        { "stream ended", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()), true },
        { "timeout", new NpgsqlException("Timeout during reading attempt", new TimeoutException()), true },
        { "admin shutdown 57P01", Server(PostgresErrorCodes.AdminShutdown), true },
        { "crash shutdown 57P02", Server(PostgresErrorCodes.CrashShutdown), true },
        { "cannot connect now 57P03", Server(PostgresErrorCodes.CannotConnectNow), true },
        { "connection failure 08006", Server(PostgresErrorCodes.ConnectionFailure), true },
        { "EF's transient wrapper", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", Refused()), true },
        { "EF's update wrapper", new DbUpdateException("An error occurred while saving the entity changes.", Refused()), true },
        { "our own wrapper", new DatabaseGoneException("3 of 4 files", Refused()), true },
        { "aggregate of a cancellation and an outage", new AggregateException(new OperationCanceledException(), Refused()), true },
        { "unique violation 23505", Server(PostgresErrorCodes.UniqueViolation), false },
        { "serialization failure 40001 (transient, but the server is there)", Server(PostgresErrorCodes.SerializationFailure), false },
        { "wrong password 28P01", Server(PostgresErrorCodes.InvalidPassword), false },
        { "no such database 3D000", Server(PostgresErrorCodes.InvalidCatalogName), false },
        { "unique violation wrapped by EF", new DbUpdateException("saving", Server(PostgresErrorCodes.UniqueViolation)), false },
        { "Npgsql's own error, no socket", new NpgsqlException("The connection was not open"), false },
        { "a file's I/O error", new IOException("disk full"), false },
        { "a bug", new NullReferenceException(), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_an_unreachable_or_departing_server_counts_as_the_database_gone(string name, Exception e, bool gone) =>
        Assert.True(gone == e.IsDatabaseGone(), name);

    [Fact]
    public void The_target_names_host_port_and_database_and_never_the_password()
    {
        var target = DatabaseOutage.Target("Host=db.internal;Port=6543;Database=kazakhunrest;Username=scraper;Password=hunter2");
        Assert.Equal("db.internal:6543/kazakhunrest", target);
    }

    [Fact]
    public void The_message_says_what_happened_where_what_is_kept_and_what_to_do_in_one_line()
    {
        var line = DatabaseGoneException.Explain(new DatabaseGoneException("The first 3 of 4 files were imported before it went away.", Refused()),
            "127.0.0.1:5432/kazakhunrest");

        Assert.DoesNotContain('\n', line);
        Assert.Contains("127.0.0.1:5432/kazakhunrest", line);
        Assert.Contains("Failed to connect to 127.0.0.1:5432: Connection refused", line);
        Assert.Contains("The first 3 of 4 files were imported", line);
        Assert.Contains("Run the same command again", line);
    }

    [Fact]
    public void The_service_waits_twice_as_long_each_try_up_to_the_longest_wait()
    {
        var options = new ScraperOptions { DatabaseRetryFirst = TimeSpan.FromSeconds(2), DatabaseRetryMax = TimeSpan.FromMinutes(1) };
        var waits = Enumerable.Range(1, 8).Select(n => ScraperService.Backoff(options, n).TotalSeconds);
        Assert.Equal([2, 4, 8, 16, 32, 60, 60, 60], waits);
        Assert.Equal(TimeSpan.FromMinutes(1), ScraperService.Backoff(options, int.MaxValue));
    }
}
