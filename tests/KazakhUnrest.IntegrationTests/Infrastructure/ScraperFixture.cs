using KazakhUnrest.Scraper;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.Extensions.Hosting;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>The scraper's own host (configuration, logging, ingest pipeline) on a test database.</summary>
public class ScraperFixture : DatabaseFixture
{
    public IHost Host { get; private set; } = null!;

    public IServiceProvider Services => Host.Services;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var builder = ScraperHost.CreateBuilder([$"--ConnectionStrings:Default={ConnectionString}", .. ExtraArgs()]);
        builder.AddPipeline();
        Host = builder.Build();
    }

    protected virtual IEnumerable<string> ExtraArgs() => [];

    public override async Task DisposeAsync()
    {
        Host.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>The repository root, found by walking up to KazakhUnrest.sln.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KazakhUnrest.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("KazakhUnrest.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string SharedCorpus => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus"));
}
