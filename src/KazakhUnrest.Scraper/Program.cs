using System.CommandLine;
using KazakhUnrest.Core.Database;
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

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is MissingConfigurationException or Microsoft.Extensions.Options.OptionsValidationException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
