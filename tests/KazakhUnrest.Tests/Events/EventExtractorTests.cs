using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Events;

namespace KazakhUnrest.Tests.Events;

public sealed class EventExtractorTests
{
    private static readonly DateOnly Thursday = new(2022, 1, 6);

    private static IReadOnlyList<EventMention> Extract(string text) =>
        EventExtractor.Extract(text, Thursday, EntityMatcher.Seed.Find(text));

    [Theory]
    [InlineData("Late on Tuesday, the president accepted the resignation of the prime minister.", "government-resigns", "2022-01-04")]
    [InlineData("The protests led the government to resign on Wednesday.", "government-resigns", "2022-01-05")]
    [InlineData("On Tuesday the president declared a state of emergency in the city.", "state-of-emergency", "2022-01-04")]
    [InlineData("The protests started on Sunday in the west of the country.", "protests-begin", "2022-01-02")]
    [InlineData("The president asked the alliance on Wednesday for military help.", "military-help-requested", "2022-01-05")]
    [InlineData("The first foreign troops landed at the airport on Thursday.", "troops-deployed", "2022-01-06")]
    [InlineData("On Wednesday protesters stormed the city hall.", "building-seized", "2022-01-05")]
    [InlineData("The ministry said on Wednesday that 18 officers were killed.", "casualties-reported", "2022-01-05")]
    [InlineData("Police detained hundreds of people on Wednesday.", "detentions", "2022-01-05")]
    [InlineData("On Tuesday the government announced a price cap on fuel.", "price-cap", "2022-01-04")]
    [InlineData("The spokesman said on Monday that the country would cooperate.", "statement", "2022-01-03")]
    public void An_english_sentence_with_a_day_and_a_trigger_is_an_event(string sentence, string kind, string day)
    {
        var found = Assert.Single(Extract(sentence));
        Assert.Equal(kind, found.Kind);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), found.Date);
        Assert.False(found.DateInferred);
        Assert.Equal(sentence, found.Summary);
    }

    [Theory]
    [InlineData("5 января президент принял отставку правительства.", "government-resigns", "2022-01-05")]
    [InlineData("Протесты начались 2 января в Мангистауской области.", "protests-begin", "2022-01-02")]
    [InlineData("4 января в Алматы ввели чрезвычайное положение.", "state-of-emergency", "2022-01-04")]
    [InlineData("6 января в страну прибыли миротворцы ОДКБ.", "troops-deployed", "2022-01-06")]
    [InlineData("Во вторник полиция задержала сотни человек.", "detentions", "2022-01-04")]
    public void A_russian_sentence_with_a_day_and_a_trigger_is_an_event(string sentence, string kind, string day)
    {
        var found = Assert.Single(Extract(sentence), e => e.Kind == kind);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), found.Date);
    }

    [Theory]
    [InlineData("The troops will withdraw on Thursday.")]
    [InlineData("The alliance has agreed to deploy peacekeeping forces on Friday.")]
    [InlineData("Войска будут выведены 13 января.")]
    public void Plans_and_futures_are_not_events(string sentence) =>
        Assert.DoesNotContain(Extract(sentence), e => e.Kind is "troops-deployed" or "troops-withdrawn");

    [Theory]
    [InlineData("The government resigned.")]
    [InlineData("Clashes erupted between protesters and police.")]
    [InlineData("The president said the country was under attack.")]
    [InlineData("Правительство ушло в отставку.")]
    public void Undated_sentences_are_not_events(string sentence) => Assert.Empty(Extract(sentence));

    [Fact]
    public void Month_precision_is_not_a_day()
    {
        Assert.Empty(Extract("Prices rose in October."));
    }

    [Fact]
    public void A_week_span_counts_and_keeps_its_range()
    {
        var found = Assert.Single(Extract("The first protests were recorded during the weekend in the west."));
        Assert.Equal("protests-begin", found.Kind);
        Assert.Equal(DatePrecision.Week, found.Precision);
        Assert.Equal(new DateOnly(2022, 1, 1), found.Date);
        Assert.Equal(new DateOnly(2022, 1, 2), found.End);
    }

    [Fact]
    public void Each_happening_takes_the_date_nearest_its_trigger()
    {
        var found = Extract("Rallies began in the west on January 2, as prices of gas rose from 60 to 120 tenge since January 1.");
        Assert.Equal(new DateOnly(2022, 1, 2), Assert.Single(found, e => e.Kind == "protests-begin").Date);
        Assert.Equal(new DateOnly(2022, 1, 1), Assert.Single(found, e => e.Kind == "price-rise").Date);
    }

    [Fact]
    public void A_date_does_not_reach_into_another_clause()
    {
        var found = Extract("Protests continued on Wednesday despite the president sacking the government.");
        Assert.DoesNotContain(found, e => e.Kind == "government-resigns");
    }

    [Fact]
    public void A_cause_named_in_passing_is_not_an_event_of_that_day()
    {
        var found = Assert.Single(Extract("The revolt began on Sunday as a protest against a surge in fuel prices."));
        Assert.Equal("protests-begin", found.Kind);
    }

    [Fact]
    public void A_statement_only_counts_when_nothing_more_specific_is_reported()
    {
        var found = Assert.Single(Extract("The ministry said on Friday that 26 people had been killed."));
        Assert.Equal("casualties-reported", found.Kind);
    }

    [Fact]
    public void A_report_keeps_its_day_for_the_sentences_that_follow()
    {
        var found = Extract("Late on Tuesday, the president accepted the resignation of the prime minister. He named his deputy to serve as interim prime minister.");
        var appointment = Assert.Single(found, e => e.Kind == "appointment");
        Assert.True(appointment.DateInferred);
        Assert.Equal(new DateOnly(2022, 1, 4), appointment.Date);
    }

    [Fact]
    public void A_present_perfect_sentence_does_not_take_the_story_day()
    {
        var found = Extract("Rallies began on Sunday. Over 4,000 people have been detained since then.");
        Assert.DoesNotContain(found, e => e.Kind == "detentions");
    }

    [Fact]
    public void The_day_does_not_carry_past_a_subheading()
    {
        var found = Extract("Rallies began on Sunday.\n\nWhat comes next\n\nPolice detained hundreds of protesters.");
        Assert.DoesNotContain(found, e => e.Kind == "detentions");
    }

    [Fact]
    public void A_dated_report_of_the_news_dates_the_news()
    {
        var found = Extract("The country is ready to increase security cooperation with its neighbour. The minister shared the news on Monday.");
        var cooperation = Assert.Single(found, e => e.Kind == "security-cooperation");
        Assert.True(cooperation.DateInferred);
        Assert.Equal(new DateOnly(2022, 1, 3), cooperation.Date);
    }

    [Fact]
    public void An_unknown_happening_is_keyed_by_its_verb()
    {
        var found = Assert.Single(Extract("On Monday the parliament ratified the treaty."));
        Assert.Equal("other:ratifi", found.Kind);
    }

    [Fact]
    public void Actors_and_places_come_from_the_sentence()
    {
        var found = Assert.Single(Extract("On Tuesday, Tokayev announced a curfew in Almaty. China was silent."));
        Assert.Equal("state-of-emergency", found.Kind);
        Assert.Contains("kassym-jomart-tokayev", found.Actors);
        Assert.Equal(["almaty"], found.Places);
        Assert.DoesNotContain("china", found.Actors);
    }
}
