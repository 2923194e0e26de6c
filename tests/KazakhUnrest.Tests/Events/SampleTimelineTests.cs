using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Events;
using KazakhUnrest.Tests.Relevance;
using Xunit.Abstractions;

namespace KazakhUnrest.Tests.Events;

/// <summary>
/// The timeline of the project's own sample capture (samples/capture), built the way the pipeline builds it: each page's
/// events against its publication day, grouped across pages.
/// </summary>
public sealed class SampleTimelineTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<TimelineEntry>> Timeline = new(Build);

    [Fact]
    public void Nothing_is_dated_before_the_unrest()
    {
        // "5,800 detained ... in connection with last week's unrest" was dated to the Monday of the week before, 27 December.
        Assert.DoesNotContain(Timeline.Value, e => e.Date < new DateOnly(2022, 1, 1));
        foreach (var e in Timeline.Value)
        {
            output.WriteLine($"{e.Date:MM-dd} {EventKindLabels.Label(e.Kind)}: {e.Summary}");
        }
    }

    [Fact]
    public void The_second_of_january_holds_the_protest_only()
    {
        // The state of emergency (declared on the 5th, in a sentence whose "where the demonstrations began on Sunday" gave
        // the 2nd) and the killings of December 2011 (given the day of the report's "on Sunday") were both on the 2nd.
        var second = Timeline.Value.Where(e => e.Date == new DateOnly(2022, 1, 2)).ToList();
        Assert.DoesNotContain(second, e => e.Kind is "state-of-emergency" or "casualties-reported" or "violence");
        Assert.DoesNotContain(Timeline.Value, e => e.Sources.Any(s => s.Event.Sentence.Contains("2011", StringComparison.Ordinal)));
        Assert.Contains(second, e => e.Kind == "protests-begin");
    }

    [Fact]
    public void The_5800_detained_are_news_of_the_ninth()
    {
        var entry = Assert.Single(Timeline.Value, e => e.Kind == "detentions" && e.Sources.Any(s => s.Outlet == "029"));
        Assert.Equal(new DateOnly(2022, 1, 9), entry.Date);
    }

    [Theory]
    [InlineData("government-resigns", "2022-01-05")]
    [InlineData("shoot-to-kill-order", "2022-01-07")]
    [InlineData("mourning-day", "2022-01-10")]
    [InlineData("appointment", "2022-01-11")]
    [InlineData("troops-withdrawn", "2022-01-13")]
    [InlineData("video-address", "2022-01-18")]
    public void Milestones_are_on_their_day(string kind, string day)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(Timeline.Value, e => e.Kind == kind && e.Date == date);
    }

    [Fact]
    public void Headings_carry_no_dateline_and_kinds_read_as_words()
    {
        foreach (var e in Timeline.Value)
        {
            Assert.DoesNotMatch(@"^\p{Lu}[\p{Lu}-]{2,}[,\s]", e.Summary);
            Assert.DoesNotContain("(Steppe Wire)", e.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain(":", EventKindLabels.Label(e.Kind), StringComparison.Ordinal);
        }
    }

    private static List<TimelineEntry> Build()
    {
        var events = new List<SourcedEvent>();
        var id = 0;
        foreach (var name in SampleCapture.Names)
        {
            foreach (var article in SampleCapture.Page(name).Articles)
            {
                id++;
                var day = article.Published is { } published ? DateOnly.FromDateTime(published.UtcDateTime) : (DateOnly?)null;
                var text = article.Text;
                events.AddRange(EventExtractor.Extract(text, day, EntityMatcher.Seed.Find(text)).Select(e => new SourcedEvent(id, name[..3], e)));
            }
        }
        return [.. EventGrouper.Group(events)];
    }
}
