using System.Globalization;
using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Events;

namespace KazakhUnrest.Tests.Events;

/// <summary>
/// Days that are right or say they are unsure: a relative day counts from the day the report was written (its dateline,
/// else its publication day), a period is not a day, and a sentence about another time never becomes news of the report's.
/// </summary>
public sealed class EventDatingTests
{
    // January 2022: Sunday the 2nd, Wednesday the 5th, Thursday the 6th, Saturday the 8th, Sunday the 9th.
    private static readonly DateOnly Sunday9 = new(2022, 1, 9);

    private static IReadOnlyList<EventMention> Extract(string text, DateOnly? published) =>
        EventExtractor.Extract(text, published, EntityMatcher.Seed.Find(text));

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("Police detained forty people on Wednesday.", "2022-01-06", "2022-01-05")]
    [InlineData("Police detained forty people yesterday.", "2022-01-06", "2022-01-05")]
    [InlineData("Police detained forty people on Wednesday.", "2022-01-09", "2022-01-05")]
    [InlineData("В среду полиция задержала сорок человек.", "2022-01-06", "2022-01-05")]
    public void A_relative_day_counts_from_the_publication_day(string sentence, string published, string expected)
    {
        var found = Assert.Single(Extract(sentence, Day(published)), e => e.Kind == "detentions");
        Assert.Equal(Day(expected), found.Date);
        Assert.False(found.DateInferred);
    }

    [Fact]
    public void A_relative_day_counts_from_the_dateline_of_a_text_republished_later()
    {
        // Written on Thursday the 6th (the dateline), republished on Saturday the 8th: "yesterday" is the 5th, not the 7th.
        var text = "KOSTANAY, Jan 6 (Example Wire) - Police detained forty people yesterday, the city's police chief said.";
        var found = Assert.Single(Extract(text, new DateOnly(2022, 1, 8)), e => e.Kind == "detentions");
        Assert.Equal(new DateOnly(2022, 1, 5), found.Date);
        var dateline = Assert.Single(DateResolver.Resolve(text, new DateOnly(2022, 1, 8)), d => d.Dateline);
        Assert.Equal(new DateOnly(2022, 1, 6), dateline.Date);
    }

    [Fact]
    public void Without_a_publication_day_a_dateline_with_its_year_is_the_reference()
    {
        var found = Assert.Single(Extract("KOSTANAY, Jan 6, 2022 (Example Wire) - Police detained forty people on Tuesday.", null),
            e => e.Kind == "detentions");
        Assert.Equal(new DateOnly(2022, 1, 4), found.Date);
    }

    [Theory]
    [InlineData("Police detained forty people on Wednesday.")]
    [InlineData("Police detained forty people yesterday.")]
    [InlineData("KOSTANAY, Jan 6 (Example Wire) - Police detained forty people on Tuesday.")]
    public void Without_a_reference_day_a_relative_day_stays_undated(string text)
    {
        Assert.Empty(Extract(text, null));
        Assert.DoesNotContain(DateResolver.Resolve(text, null), d => d.Relative);
    }

    [Fact]
    public void A_dateline_dates_the_lead_only_as_an_inference_and_is_not_itself_a_happening()
    {
        var found = Assert.Single(Extract("KOSTANAY, Jan 6 (Example Wire) - The regional governor resigned.", new DateOnly(2022, 1, 6)));
        Assert.Equal("government-resigns", found.Kind);
        Assert.Equal(new DateOnly(2022, 1, 6), found.Date);
        Assert.True(found.DateInferred);
        Assert.Equal("Jan 6", found.DateText);
    }

    [Theory]
    [InlineData("Officials have detained 900 people in connection with last week's riots, the governor's office said on Sunday.")]
    [InlineData("Officials detained 900 people in connection with last week's riots, the governor's office said on Sunday.")]
    public void Last_week_is_a_period_not_the_day_of_the_happening(string sentence)
    {
        var found = Extract(sentence, Sunday9);
        Assert.DoesNotContain(found, e => e.Date < new DateOnly(2022, 1, 9));
        Assert.Equal(Sunday9, Assert.Single(found, e => e.Kind == "detentions").Date);
    }

    [Fact]
    public void A_week_alone_dates_nothing()
    {
        Assert.Empty(Extract("The riots of last week left the square in ruins and the mayor resigned last week.", Sunday9));
    }

    [Theory]
    [InlineData("Miners gathered in the square on Sunday. In December 2011 at least a dozen strikers were killed there by police.")]
    [InlineData("Miners gathered in the square on Sunday. A decade ago police killed a dozen strikers in the same square.")]
    [InlineData("Miners gathered in the square on Sunday. Police killed a dozen strikers there in 2011.")]
    [InlineData("Miners gathered in the square on Sunday. The mine has been closed since 2019, and its director was arrested.")]
    public void Background_of_another_time_never_becomes_news_of_the_report(string text)
    {
        var found = Extract(text, new DateOnly(2022, 1, 3));
        Assert.DoesNotContain(found, e => e.Kind is "casualties-reported" or "arrest");
        Assert.Contains(found, e => e.Date == new DateOnly(2022, 1, 2));
    }

    [Fact]
    public void Background_does_not_pass_its_day_to_the_sentences_after_it()
    {
        var found = Extract("Miners gathered in the square on Sunday. Years ago police opened fire there. Dozens were wounded.", new DateOnly(2022, 1, 3));
        Assert.DoesNotContain(found, e => e.Kind is "casualties-reported" or "violence");
    }

    [Fact]
    public void A_happening_told_next_to_a_day_of_its_own_keeps_it_despite_a_year_nearby()
    {
        var found = Extract("The mayor, in office since 2019, resigned on Wednesday.", new DateOnly(2022, 1, 6));
        Assert.Equal(new DateOnly(2022, 1, 5), Assert.Single(found, e => e.Kind == "government-resigns").Date);
    }

    [Fact]
    public void A_where_clause_keeps_its_day_to_itself()
    {
        var found = Extract("The governor declared a state of emergency in the oil region, where the rallies began on Sunday.", new DateOnly(2022, 1, 5));
        Assert.DoesNotContain(found, e => e.Kind == "state-of-emergency");
        Assert.Equal(new DateOnly(2022, 1, 2), Assert.Single(found, e => e.Kind == "protests-begin").Date);
    }

    [Fact]
    public void A_since_day_starts_the_state_before_it_not_the_happening_after_it()
    {
        var found = Extract("Mobile service, cut since Wednesday, returned in the city for an hour on Saturday.", new DateOnly(2022, 1, 9));
        Assert.Equal(new DateOnly(2022, 1, 8), Assert.Single(found).Date);
    }

    [Fact]
    public void A_since_day_is_not_carried_to_the_sentences_after_it()
    {
        var found = Extract("The former mayor has not been seen in public since December 28. Protesters later stormed his office.", new DateOnly(2022, 1, 9));
        Assert.DoesNotContain(found, e => e.Kind == "building-seized");
    }

    [Theory]
    [InlineData("The withdrawal of the foreign contingent will begin in two days.")]
    [InlineData("The foreign troops start to be pulled out in two days.")]
    [InlineData("Вывод миротворцев начнётся через два дня.")]
    public void A_future_told_after_the_trigger_is_not_an_event(string sentence) =>
        Assert.DoesNotContain(Extract("The president spoke on Tuesday. " + sentence, new DateOnly(2022, 1, 11)), e => e.Kind == "troops-withdrawn");

    [Theory]
    [InlineData("The president said on Friday he had ordered the police to shoot to kill without warning.", "shoot-to-kill-order", "2022-01-07")]
    [InlineData("Monday will be a day of national mourning, the president said on Saturday.", "mourning-day", "2022-01-10")]
    [InlineData("Понедельник, 10 января, объявлен днём общенационального траура.", "mourning-day", "2022-01-10")]
    [InlineData("The former leader released a video address on Tuesday.", "video-address", "2022-01-18")]
    [InlineData("Parliament on Tuesday approved the finance minister as prime minister.", "appointment", "2022-01-11")]
    [InlineData("The withdrawal of the alliance's troops began on Thursday.", "troops-withdrawn", "2022-01-13")]
    [InlineData("The alliance approved sending peacekeeping troops on Thursday.", "csto-deployment-approved", "2022-01-06")]
    public void Milestone_kinds_are_found_on_their_day(string sentence, string kind, string day)
    {
        var published = Day(day).AddDays(kind == "mourning-day" ? -2 : 0);
        var found = Assert.Single(Extract(sentence, published), e => e.Kind == kind);
        Assert.Equal(Day(day), found.Date);
    }

    [Fact]
    public void Every_kind_the_extractor_gives_has_a_readable_label()
    {
        foreach (var (kind, _) in EventKinds.Lexicon)
        {
            var label = EventKindLabels.Label(kind);
            Assert.DoesNotContain('-', label);
            Assert.True(char.IsUpper(label[0]), $"{kind}: {label}");
        }
    }

    [Theory]
    [InlineData("government-resigns", "Government resigns")]
    [InlineData("other:hundr", "Other event")]
    [InlineData("other:gather", "Other event")]
    [InlineData("editor-pinned-thing", "Editor pinned thing")]
    public void Kinds_read_as_labels(string kind, string label) => Assert.Equal(label, EventKindLabels.Label(kind));

    [Theory]
    [InlineData("KOSTANAY, Kazakhstan, Jan 2 (Example Wire) - Several hundred drivers gathered on the square on Sunday.",
        "Several hundred drivers gathered on the square on Sunday.")]
    [InlineData("TARAZ — Rallies spread to the south on Tuesday.", "Rallies spread to the south on Tuesday.")]
    [InlineData("ТАРАЗ, 4 января – Комиссия снизила цену на газ до 50 тенге, сообщили в правительстве.", "Комиссия снизила цену на газ до 50 тенге.")]
    [InlineData("Authorities have detained about 900 people after the riots, the governor's office said on Sunday.",
        "Authorities have detained about 900 people after the riots.")]
    [InlineData("Police said.", "Police said.")]
    public void A_heading_drops_the_dateline_and_the_closing_attribution(string sentence, string heading) =>
        Assert.Equal(heading, EventHeading.Of(sentence));

    [Fact]
    public void A_long_heading_is_cut_at_a_word()
    {
        var heading = EventHeading.Of(string.Join(' ', Enumerable.Repeat("The crowd marched again", 20)) + ".");
        Assert.True(heading.Length <= EventHeading.MaxLength + 1);
        Assert.Matches(@" (?:The|crowd|marched|again)…$", heading);
    }

    [Fact]
    public void The_lead_sentence_s_heading_is_the_news_without_its_dateline()
    {
        var found = Assert.Single(Extract("KOSTANAY, Jan 6 (Example Wire) - The regional governor resigned on Thursday.", new DateOnly(2022, 1, 6)));
        Assert.Equal("The regional governor resigned on Thursday.", found.Summary);
        Assert.Equal("on Thursday", found.DateText);
        Assert.False(found.DateInferred);
    }
}
