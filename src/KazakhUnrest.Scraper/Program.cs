using System.CommandLine;
using KazakhUnrest.Scraper.Cli;

var root = new RootCommand("KazakhUnrest scraper: the ingest service and its command-line tools.")
{
    ServiceCommand.Create(),
    MigrateCommand.Create(),
    DbCommand.Create(),
    ImportCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
