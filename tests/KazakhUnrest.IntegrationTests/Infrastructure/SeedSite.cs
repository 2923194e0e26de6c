using System.Text.Json;
using KazakhUnrest.Core.Data;
using KazakhUnrest.Scraper;
using KazakhUnrest.Scraper.Cli;
using KazakhUnrest.Scraper.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>The site on a database holding only the five seed pages, imported by the scraper's own import command.</summary>
public sealed class SeedSiteFixture : SiteFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var builder = ScraperHost.CreateBuilder([$"--ConnectionStrings:Default={ConnectionString}"]);
        builder.AddPipeline();
        using var scraper = builder.Build();
        var status = await ImportCommand.RunAsync(scraper.Services, [Path.Combine(ScraperFixture.SharedCorpus, "seeds")], null, false, false, CancellationToken.None);
        if (status != 0)
        {
            throw new InvalidOperationException($"importing the seeds failed with status {status}");
        }
    }
}

public static class SeedSegments
{
    /// <summary>A top-level list of the seed annotation ("figures", "framing"), each item detached from the parsed file.</summary>
    public static List<JsonElement> Gold(string section)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(ScraperFixture.SharedCorpus, "seeds.gold.json")));
        return gold.RootElement.GetProperty(section).EnumerateArray().Select(item => item.Clone()).ToList();
    }

    /// <summary>Gold segment id ("003b") of each stored article.</summary>
    public static async Task<Dictionary<long, string>> IdsAsync(KazakhDbContext db)
    {
        var rows = await db.Articles.AsNoTracking().Select(a => new { a.Id, a.CanonicalUrl, a.Segment }).ToListAsync();
        return rows.ToDictionary(r => r.Id,
            r => r.CanonicalUrl["capture:///".Length..][..3] + (r.Segment == 0 ? "" : ((char)('a' + r.Segment - 1)).ToString()));
    }
}
