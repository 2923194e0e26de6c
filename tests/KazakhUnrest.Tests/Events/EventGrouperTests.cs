using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Events;

namespace KazakhUnrest.Tests.Events;

public sealed class EventGrouperTests
{
    private static SourcedEvent Report(
        long article, string kind, int day, string[]? actors = null, bool inferred = false, int endDay = 0, int sentence = 0, string[]? countries = null)
    {
        var date = new DateOnly(2022, 1, day);
        var mention = new EventMention(
            kind, date, endDay == 0 ? date : new DateOnly(2022, 1, endDay), endDay == 0 ? DatePrecision.Day : DatePrecision.Week, null, inferred,
            sentence, 10, $"sentence {article}/{sentence}", kind, [.. actors ?? [], .. countries ?? []], [], countries ?? [],
            $"summary {article}/{sentence}");
        return new SourcedEvent(article, $"outlet{article}", mention);
    }

    [Fact]
    public void Reports_of_one_kind_within_two_days_are_one_entry_that_shows_both_days()
    {
        var entry = Assert.Single(EventGrouper.Group([Report(2, "government-resigns", 5), Report(1, "government-resigns", 4)]));
        Assert.True(entry.Conflict);
        Assert.Equal([new DateOnly(2022, 1, 4), new DateOnly(2022, 1, 5)], entry.Days);
        Assert.Equal(new DateOnly(2022, 1, 4), entry.Date);
        Assert.Equal([1L, 2L], entry.Sources.Select(s => s.ArticleId));
        Assert.Equal(new DateOnly(2022, 1, 5), entry.DayOf(entry.Sources[1]));
    }

    [Fact]
    public void The_entry_takes_the_day_most_sources_give()
    {
        var entry = Assert.Single(EventGrouper.Group(
            [Report(1, "government-resigns", 4), Report(2, "government-resigns", 5), Report(3, "government-resigns", 5)]));
        Assert.Equal(new DateOnly(2022, 1, 5), entry.Date);
        Assert.Equal("summary 2/0", entry.Summary);
    }

    [Fact]
    public void Reports_further_apart_are_separate_entries()
    {
        var entries = EventGrouper.Group([Report(1, "troops-deployed", 6), Report(2, "troops-deployed", 9)]);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.False(e.Conflict));
    }

    [Fact]
    public void A_story_told_day_after_day_does_not_chain_into_one_entry()
    {
        var entries = EventGrouper.Group([.. Enumerable.Range(4, 6).Select(day => Report(day, "troops-deployed", day))]);
        Assert.Equal(2, entries.Count);
    }

    [Fact]
    public void Different_kinds_are_different_entries() =>
        Assert.Equal(2, EventGrouper.Group([Report(1, "government-resigns", 4), Report(2, "state-of-emergency", 4)]).Count);

    [Fact]
    public void An_article_repeating_an_event_is_one_source()
    {
        var entry = Assert.Single(EventGrouper.Group(
            [Report(1, "government-resigns", 4, sentence: 0), Report(1, "government-resigns", 5, sentence: 40), Report(2, "government-resigns", 4)]));
        Assert.Equal([1L, 2L], entry.Sources.Select(s => s.ArticleId));
        Assert.False(entry.Conflict);
    }

    [Fact]
    public void Loose_kinds_need_a_shared_actor_or_place()
    {
        var entries = EventGrouper.Group(
        [
            Report(1, "statement", 5, ["tokayev"]),
            Report(2, "statement", 5, ["pashinyan"]),
            Report(3, "statement", 5, ["tokayev", "csto"]),
        ]);
        Assert.Equal(2, entries.Count);
        Assert.Equal([1L, 3L], entries.Single(e => e.Actors.Contains("tokayev")).Sources.Select(s => s.ArticleId));
    }

    [Fact]
    public void Daily_kinds_on_different_days_are_different_reports_not_a_disagreement()
    {
        var entries = EventGrouper.Group(
        [
            Report(1, "casualties-reported", 5, ["interior-ministry-kz"]),
            Report(2, "casualties-reported", 7, ["interior-ministry-kz"]),
        ]);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.False(e.Conflict));
    }

    [Fact]
    public void One_article_retelling_a_loose_kind_is_one_entry()
    {
        var entry = Assert.Single(EventGrouper.Group([Report(1, "violence", 6, sentence: 0), Report(1, "violence", 6, sentence: 50)]));
        Assert.Single(entry.Sources);
    }

    [Fact]
    public void A_shared_country_alone_does_not_tie_reports_that_name_someone()
    {
        var entries = EventGrouper.Group(
        [
            Report(1, "casualties-reported", 5, ["health-ministry"], countries: ["kazakhstan"]),
            Report(2, "casualties-reported", 5, ["interior-ministry"], countries: ["kazakhstan"]),
        ]);
        Assert.Equal(2, entries.Count);
    }

    [Fact]
    public void A_week_span_that_covers_the_day_is_no_disagreement()
    {
        var entry = Assert.Single(EventGrouper.Group([Report(1, "protests-begin", 2), Report(2, "protests-begin", 1, endDay: 2)]));
        Assert.Equal(new DateOnly(2022, 1, 2), entry.Date);
        Assert.Equal([new DateOnly(2022, 1, 2)], entry.Days);
        Assert.False(entry.Conflict);
    }

    [Fact]
    public void An_inferred_day_neither_outvotes_nor_contradicts_a_printed_one()
    {
        var entry = Assert.Single(EventGrouper.Group(
            [Report(1, "troops-deployed", 6), Report(2, "troops-deployed", 5, inferred: true), Report(3, "troops-deployed", 5, inferred: true)]));
        Assert.Equal(new DateOnly(2022, 1, 6), entry.Date);
        Assert.False(entry.Conflict);
        Assert.Equal([new DateOnly(2022, 1, 5), new DateOnly(2022, 1, 6)], entry.Days);
    }

    [Fact]
    public void The_same_reports_in_any_order_give_the_same_entries_in_the_same_order()
    {
        SourcedEvent[] reports =
        [
            Report(3, "government-resigns", 5), Report(1, "government-resigns", 4), Report(2, "state-of-emergency", 4),
            Report(4, "statement", 5, ["tokayev"]), Report(5, "statement", 6, ["tokayev"]), Report(6, "price-cap", 6),
        ];
        var expected = Describe(EventGrouper.Group(reports));
        Assert.Equal(["2022-01-04 government-resigns 1,3", "2022-01-04 state-of-emergency 2", "2022-01-05 statement 4", "2022-01-06 price-cap 6", "2022-01-06 statement 5"], expected);
        Assert.Equal(expected, Describe(EventGrouper.Group(reports.Reverse())));
        Assert.Equal(expected, Describe(EventGrouper.Group(reports.OrderBy(r => r.Event.Kind.Length).ThenByDescending(r => r.ArticleId))));
    }

    private static List<string> Describe(IReadOnlyList<TimelineEntry> entries) =>
        entries.Select(e => $"{e.Date:yyyy-MM-dd} {e.Kind} {string.Join(",", e.Sources.Select(s => s.ArticleId))}").ToList();
}
