using System.Text.Json;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Events;
using KazakhUnrest.Tests.Cleaning;
using Xunit.Abstractions;

namespace KazakhUnrest.Tests.Events;

/// <summary>The events annotated in ../shared/corpus/seeds.gold.json, found in the seed segments and grouped across them.</summary>
public sealed class SeedEventTests(ITestOutputHelper output)
{
    /// <summary>
    /// Publication days: printed for 000 and 004; for the rest the day the pipeline infers from the story
    /// each segment joins.
    /// </summary>
    private static readonly Dictionary<string, DateOnly> Published = new(StringComparer.Ordinal)
    {
        ["000"] = new(2022, 1, 10),
        ["001"] = new(2022, 1, 10),
        ["002"] = new(2022, 1, 10),
        ["003a"] = new(2022, 1, 7),
        ["003b"] = new(2022, 1, 6),
        ["004"] = new(2022, 1, 6),
    };

    /// <summary>Which kinds may stand for a gold event, by a word of its description; the gold file names no kinds.</summary>
    private static readonly (string Word, string[] Kinds)[] KindsByDescription =
    [
        ("price controls on lpg lifted", ["price-controls-lifted", "price-rise"]),
        ("protests begin", ["protests-begin"]),
        ("reinstates price controls", ["price-controls-restored"]),
        ("state of emergency", ["state-of-emergency"]),
        ("government resigns", ["government-resigns"]),
        ("military help", ["military-help-requested"]),
        ("troops land", ["troops-deployed", "violence", "building-seized"]),
        ("price cap", ["price-cap"]),
        ("liquidated", ["casualties-reported"]),
        ("message", ["message", "statement"]),
        ("security cooperation", ["security-cooperation"]),
    ];

    private static readonly Lazy<IReadOnlyList<TimelineEntry>> Timeline = new(Build);

    public static TheoryData<int> Reachable() => new(Enumerable.Range(0, Gold().Count));

    [Theory]
    [MemberData(nameof(Reachable))]
    public void Each_gold_event_is_one_entry_on_its_days_with_every_source(int index)
    {
        var gold = Gold()[index];
        var days = Days(gold);
        var sources = gold.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToList();
        var kinds = Kinds(gold);
        var entry = Timeline.Value.FirstOrDefault(e =>
            (kinds is null || kinds.Contains(e.Kind)) && days.All(e.Days.Contains) && sources.All(s => e.Sources.Any(source => source.Outlet == s)));
        Assert.True(entry is not null, $"no entry for {gold.GetProperty("what").GetString()} on {string.Join(", ", days)} from {string.Join(", ", sources)}");
        if (days.Count > 1)
        {
            Assert.True(entry.Conflict);
            foreach (var (segment, day) in ConflictDays(gold))
            {
                Assert.Equal(day, entry.DayOf(entry.Sources.Single(s => s.Outlet == segment)));
            }
        }
        output.WriteLine($"{entry.Kind} {string.Join("/", entry.Days)}: {string.Join(", ", entry.Sources.Select(s => s.Outlet))} — {entry.Summary}");
    }

    [Fact]
    public void The_government_resignation_keeps_both_days_and_who_said_which()
    {
        var entry = Assert.Single(Timeline.Value, e => e.Kind == "government-resigns");
        Assert.True(entry.Conflict);
        Assert.Equal([new DateOnly(2022, 1, 4), new DateOnly(2022, 1, 5)], entry.Days);
        Assert.Equal(new DateOnly(2022, 1, 4), entry.DayOf(entry.Sources.Single(s => s.Outlet == "004")));
        Assert.Equal(new DateOnly(2022, 1, 5), entry.DayOf(entry.Sources.Single(s => s.Outlet == "001")));
    }

    [Fact]
    public void Grouping_the_seeds_does_not_depend_on_their_order()
    {
        var events = Sourced();
        var forward = EventGrouper.Group(events);
        var backward = EventGrouper.Group(Enumerable.Reverse(events));
        Assert.Equal(Describe(forward), Describe(backward));
        foreach (var line in Describe(forward))
        {
            output.WriteLine(line);
        }
    }

    private static List<string> Describe(IReadOnlyList<TimelineEntry> entries) =>
        entries.Select(e => $"{e.Date} {e.Kind} [{string.Join("/", e.Days)}{(e.Conflict ? " conflict" : "")}] "
            + string.Join(", ", e.Sources.Select(s => $"{s.Outlet}@{s.Event.Date}{(s.Event.DateInferred ? "~" : "")}"))
            + $" | {string.Join(",", e.Actors)} | {string.Join(",", e.Places)} | {e.Summary}").ToList();

    private static string[]? Kinds(JsonElement gold)
    {
        var what = gold.GetProperty("what").GetString()!;
        return KindsByDescription.FirstOrDefault(k => what.Contains(k.Word, StringComparison.OrdinalIgnoreCase)).Kinds;
    }

    private static List<DateOnly> Days(JsonElement gold) =>
        gold.TryGetProperty("dates", out var dates)
            ? dates.EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : [DateOnly.Parse(gold.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>The gold "conflict" note reads "004: late on Tuesday (4 Jan); 001: on Wednesday (5 Jan)".</summary>
    private static IEnumerable<(string Segment, DateOnly Day)> ConflictDays(JsonElement gold)
    {
        foreach (var part in gold.GetProperty("conflict").GetString()!.Split(';'))
        {
            var segment = part.Split(':')[0].Trim();
            var day = int.Parse(part[(part.LastIndexOf('(') + 1)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            yield return (segment, new DateOnly(2022, 1, day));
        }
    }

    private static List<JsonElement> Gold()
    {
        var path = Path.Combine(SeedCorpus.SolutionFolder(), "..", "shared", "corpus", "seeds.gold.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("events").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static List<SourcedEvent> Sourced()
    {
        var events = new List<SourcedEvent>();
        for (var i = 0; i < SeedCorpus.Segments.Count; i++)
        {
            var segment = SeedCorpus.Segments[i];
            var text = segment.Article.Text;
            var published = Published.TryGetValue(segment.Id, out var day) ? day : (DateOnly?)null;
            events.AddRange(EventExtractor.Extract(text, published, EntityMatcher.Seed.Find(text)).Select(e => new SourcedEvent(i, segment.Id, e)));
        }
        return events;
    }

    private static IReadOnlyList<TimelineEntry> Build() => EventGrouper.Group(Sourced());
}
