using System.Text.Json;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.IntegrationTests.Infrastructure;
using KazakhUnrest.Scraper.Cli;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace KazakhUnrest.IntegrationTests.Scraper;

/// <summary>The seeds imported into an empty database, checked against the entities and events of their annotation.</summary>
public sealed class SeedTimelineTests(ScraperFixture scraper, ITestOutputHelper output) : IClassFixture<ScraperFixture>, IAsyncLifetime
{
    private static readonly JsonElement Gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(ScraperFixture.SharedCorpus, "seeds.gold.json"))).RootElement;

    public async Task InitializeAsync()
    {
        await using var db = scraper.CreateContext();
        if (!await db.Articles.AnyAsync())
        {
            Assert.Equal(0, await ImportCommand.RunAsync(scraper.Services, [Path.Combine(ScraperFixture.SharedCorpus, "seeds")], null, false, false, CancellationToken.None));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Dictionary<long, string>> SegmentIdsAsync()
    {
        await using var db = scraper.CreateContext();
        return await SeedSegments.IdsAsync(db);
    }

    [Fact]
    public async Task Every_annotated_entity_is_found_in_the_segments_given_under_one_id()
    {
        var segments = await SegmentIdsAsync();
        await using var db = scraper.CreateContext();
        var mentions = (await db.ArticleEntities.AsNoTracking().Select(e => new { e.ArticleId, e.EntityId }).ToListAsync())
            .Select(e => (Segment: segments[e.ArticleId], e.EntityId)).ToHashSet();
        var entities = Gold.GetProperty("entities");
        foreach (var country in entities.GetProperty("countries").EnumerateArray().Select(c => c.GetString()!))
        {
            var id = IdOf(country);
            Assert.True(mentions.Any(m => m.EntityId == id), $"{country} ({id}) is found in no seed");
        }

        foreach (var group in new[] { "people", "organisations", "places" })
        {
            foreach (var entity in entities.GetProperty(group).EnumerateArray())
            {
                var id = IdOf(entity.GetProperty("name").GetString()!);
                if (entity.TryGetProperty("aliases", out var aliases))
                {
                    // Descriptions such as "Kazakh president" only resolve in context; the plain names must resolve alone.
                    foreach (var alias in aliases.EnumerateArray().Select(a => a.GetString()!).Where(a => !a.Contains(' ') || a.StartsWith("Mr.", StringComparison.Ordinal)))
                    {
                        Assert.Equal(id, IdOf(alias));
                    }
                }

                foreach (var segment in entity.GetProperty("in").EnumerateArray().Select(s => s.GetString()!))
                {
                    Assert.True(mentions.Contains((segment, id)), $"{id} is not found in {segment}");
                }
            }
        }
    }

    [Fact]
    public async Task Undated_seeds_get_an_inferred_day_the_annotation_accepts()
    {
        var segments = await SegmentIdsAsync();
        await using var db = scraper.CreateContext();
        var rows = await db.Articles.AsNoTracking().Where(a => a.PublishedAt == null && a.OnTopic)
            .Select(a => new { a.Id, a.InferredPublishedOn }).ToListAsync();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var id = segments[row.Id];
            var gold = Gold.GetProperty("documents").EnumerateArray().SelectMany(d => d.GetProperty("segments").EnumerateArray())
                .Single(s => s.GetProperty("id").GetString() == id);
            var accepted = gold.GetProperty("published").GetProperty("dates").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!)).ToList();
            // 002 (an opinion piece) may stand alone; its text names no day a dated report confirms, so nothing is safe to infer.
            if (row.InferredPublishedOn is null && id == "002")
            {
                continue;
            }

            Assert.True(row.InferredPublishedOn is { } day && accepted.Contains(day), $"{id}: inferred {row.InferredPublishedOn}, accepted {string.Join(", ", accepted)}");
        }
    }

    [Fact]
    public async Task Every_annotated_figure_is_stored_with_its_value_and_attribution()
    {
        var segments = await SegmentIdsAsync();
        await using var db = scraper.CreateContext();
        var rows = await db.ArticleFigures.AsNoTracking().Select(f => new { f.ArticleId, f.Low, f.Vague, f.AttributedTo }).ToListAsync();
        foreach (var gold in Gold.GetProperty("figures").EnumerateArray())
        {
            var segment = gold.GetProperty("source").GetString()!;
            var value = gold.GetProperty("value").GetString()!;
            var number = System.Text.RegularExpressions.Regex.Match(value, @"\d[\d,.]*");
            // "Kazakhstan Ministry of Health" names the country too; the attribution is the ministry.
            var attributed = gold.GetProperty("attributed_to").ValueKind == JsonValueKind.String
                ? EntityMatcher.Seed.Find(gold.GetProperty("attributed_to").GetString()!).First(m => m.Kind != EntityKind.Country).EntityId
                : null;
            Assert.True(rows.Any(r => segments[r.ArticleId] == segment
                && (number.Success ? r.Low == decimal.Parse(number.Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) : r.Vague == value)
                && (attributed is null || r.AttributedTo == attributed)), $"{segment}: {gold.GetProperty("measure").GetString()} {value} ({attributed})");
        }
    }

    [Fact]
    public async Task Unknown_names_that_look_like_people_or_organisations_are_kept_as_candidates()
    {
        await using var db = scraper.CreateContext();
        var candidates = await db.EntityCandidates.AsNoTracking().ToListAsync();
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.True(c.Mentions > 0 && c.FirstArticleId > 0 && c.Status == Core.Data.CandidateStatus.Open, c.Name));
    }

    private static string IdOf(string name) =>
        Assert.Single(EntityMatcher.Seed.Find(name).Select(m => m.EntityId).Distinct());

    [Fact]
    public async Task Every_annotated_event_is_on_the_timeline_on_its_day_with_its_sources()
    {
        var segments = await SegmentIdsAsync();
        await using var db = scraper.CreateContext();
        var entries = await db.TimelineEntries.AsNoTracking()
            .Select(t => new { t.Kind, t.Days, t.Conflict, Sources = t.Sources.Select(s => new { s.ArticleId, s.Date }).ToList() })
            .ToListAsync();
        foreach (var entry in entries.OrderBy(e => e.Days[0]))
        {
            output.WriteLine($"{string.Join(",", entry.Days)} {entry.Kind}: {string.Join(" ", entry.Sources.Select(s => $"{segments[s.ArticleId]}@{s.Date:MM-dd}"))}");
        }

        // The annotation names no kinds, so an entry counts for one gold event at most: two events of one source
        // on one day need two entries.
        var used = new HashSet<int>();
        var missing = new List<string>();
        foreach (var gold in Gold.GetProperty("events").EnumerateArray().OrderByDescending(g => g.GetProperty("sources").GetArrayLength()))
        {
            var days = gold.TryGetProperty("dates", out var several)
                ? several.EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!)).ToList()
                : [DateOnly.Parse(gold.GetProperty("date").GetString()!)];
            var sources = gold.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToList();
            var found = entries.Select((e, i) => (e, i)).FirstOrDefault(x => !used.Contains(x.i) && days.All(x.e.Days.Contains)
                && (days.Count == 1 || x.e.Conflict)
                && sources.All(s => x.e.Sources.Any(src => segments[src.ArticleId] == s)));
            if (found.e is not null)
            {
                used.Add(found.i);
            }
            else
            {
                missing.Add($"{string.Join("/", days)} {gold.GetProperty("what").GetString()} [{string.Join(",", sources)}]");
            }
        }

        Assert.True(missing.Count == 0, "not on the timeline:\n" + string.Join("\n", missing));
    }
}
