using System.CommandLine;
using KazakhUnrest.Core.Database;
using KazakhUnrest.Scraper;
using KazakhUnrest.Scraper.Cli;

var root = new RootCommand("KazakhUnrest scraper: the ingest service and its command-line tools.")
{
    ServiceCommand.Create(),
    MigrateCommand.Create(),
    DbCommand.Create(),
    ImportCommand.Create(),
    ExtractCommand.Create(),
    ReprocessCommand.Create(),
    CrawlCommand.Create(),
    BackfillCommand.Create(),
    StoriesCommand.Create(),
    EntitiesCommand.CreateEvents(),
    EntitiesCommand.Create(),
    StoriesCommand.CreateRelevance(),
    UsersCommand.Create(),
};

// Every command ends here when it throws, so each outcome has one message and one exit code (ExitCodes, in the README).
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e.IsDatabaseGone())
{
    // Not a bug but the world: no stack trace, just what happened and what to do.
    Console.Error.WriteLine(DatabaseGoneException.Explain(e, DatabaseOutage.Target(ScraperHost.ConnectionString())));
    return ExitCodes.DatabaseGone;
}
catch (Exception e) when (e is MissingConfigurationException or Microsoft.Extensions.Options.OptionsValidationException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return ExitCodes.Configuration;
}
catch (Exception e)
{
    // A bug. The trace goes out with the message, not behind a debug switch: the run that hit it may not come again,
    // and the trace is what a report of it needs.
    Console.Error.WriteLine($"error: unexpected {e.GetType().Name}: {e.Message}");
    Console.Error.WriteLine(e);
    return ExitCodes.Unexpected;
}
