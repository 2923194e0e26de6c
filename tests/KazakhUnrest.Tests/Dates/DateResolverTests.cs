using System.Globalization;
using KazakhUnrest.Core.Dates;

namespace KazakhUnrest.Tests.Dates;

public class DateResolverTests
{
    // January 2022: Saturday the 1st, Monday the 3rd, Thursday the 6th, Monday the 10th.
    [Theory]
    [InlineData("Protests began on January 2 in Zhanaozen.", "2022-01-06", "on January 2", "2022-01-02", null)]
    [InlineData("Protests began on Jan. 2 in Zhanaozen.", "2022-01-06", "on Jan. 2", "2022-01-02", null)]
    [InlineData("Protests began on 2 January in Zhanaozen.", "2022-01-06", "on 2 January", "2022-01-02", null)]
    [InlineData("Protests began on January 2, 2022, in Zhanaozen.", "2022-01-06", "on January 2, 2022", "2022-01-02", null)]
    [InlineData("The decree is dated 5 Jan 2022 and signed.", "2022-01-10", "5 Jan 2022", "2022-01-05", null)]
    [InlineData("The decree is dated 2022-01-05 in the register.", "2022-01-10", "2022-01-05", "2022-01-05", null)]
    [InlineData("The decree is dated 05.01.2022 in the register.", "2022-01-10", "05.01.2022", "2022-01-05", null)]
    [InlineData("Gas prices doubled on 1 January.", "2022-01-06", "on 1 January", "2022-01-01", null)]
    [InlineData("Gas prices doubled on January 1st.", "2022-01-06", "on January 1st", "2022-01-01", null)]
    [InlineData("Gas prices doubled on the 1st of January.", "2022-01-06", "1st of January", "2022-01-01", null)]
    [InlineData("Talks opened on December 28.", "2022-01-03", "on December 28", "2021-12-28", null)]
    [InlineData("The summit is planned for January 3.", "2021-12-30", "January 3", "2022-01-03", null)]
    [InlineData("The vote is set for February 20.", "2022-01-10", "February 20", "2022-02-20", null)]
    [InlineData("The law was passed on April 15.", "2022-01-10", "on April 15", "2021-04-15", null)]
    [InlineData("A rally on March 20 drew thousands.", "2022-01-10", "on March 20", "2021-03-20", null)]
    [InlineData("Reporters met on December 31, 2021.", "2022-01-10", "on December 31, 2021", "2021-12-31", null)]
    [InlineData("Flights will resume on January 13.", "2022-01-10", "on January 13", "2022-01-13", null)]
    [InlineData("On 10 January Tokayev addressed the CSTO.", "2022-01-11", "On 10 January", "2022-01-10", null)]
    [InlineData("Flights were cancelled on Jan 4-5.", "2022-01-10", "on Jan 4-5", "2022-01-04", null)]
    [InlineData("A meeting was held on 4–5 January.", "2022-01-10", "on 4–5 January", "2022-01-04", null)]
    [InlineData("Tokayev spoke on Tuesday, January 4, after the protests spread.", "2022-01-13", "on Tuesday, January 4", "2022-01-04", null)]
    [InlineData("Late on Tuesday, January 4, the cabinet resigned.", "2022-01-13", "Late on Tuesday, January 4", "2022-01-04", "Late")]
    [InlineData("Tokayev said on Wednesday, January 5, 2022, that order would return.", "2022-01-13", "on Wednesday, January 5, 2022", "2022-01-05", null)]
    [InlineData("The government resigned on Wednesday.", "2022-01-06", "on Wednesday", "2022-01-05", null)]
    [InlineData("Troops arrived Thursday.", "2022-01-06", "Thursday", "2022-01-06", null)]
    [InlineData("Troops arrived on Friday.", "2022-01-06", "on Friday", "2021-12-31", null)]
    [InlineData("Markets opened Monday.", "2022-01-10", "Monday", "2022-01-10", null)]
    [InlineData("Protests spread on Sunday.", "2022-01-04", "on Sunday", "2022-01-02", null)]
    [InlineData("Wednesday's decision angered protesters.", "2022-01-06", "Wednesday", "2022-01-05", null)]
    [InlineData("The CSTO said Thursday it would send troops.", "2022-01-07", "Thursday", "2022-01-06", null)]
    [InlineData("Tokayev said on Monday that troops will leave.", "2022-01-12", "on Monday", "2022-01-10", null)]
    [InlineData("Late on Tuesday, Tokayev accepted the resignation.", "2022-01-06", "Late on Tuesday", "2022-01-04", "Late")]
    [InlineData("Crowds stormed the building late Wednesday night.", "2022-01-06", "late Wednesday night", "2022-01-05", "Night")]
    [InlineData("Gunfire was heard in the early hours on Thursday.", "2022-01-06", "in the early hours on Thursday", "2022-01-06", "Early")]
    [InlineData("Shooting continued into the early hours of Thursday.", "2022-01-07", "into the early hours of Thursday", "2022-01-06", "Early")]
    [InlineData("Early Wednesday, protesters gathered.", "2022-01-06", "Early Wednesday", "2022-01-05", "Early")]
    [InlineData("Shops reopened Thursday morning.", "2022-01-06", "Thursday morning", "2022-01-06", "Morning")]
    [InlineData("The president spoke on Friday evening.", "2022-01-08", "on Friday evening", "2022-01-07", "Evening")]
    [InlineData("Internet access was restored on Monday afternoon.", "2022-01-11", "on Monday afternoon", "2022-01-10", "Afternoon")]
    [InlineData("Parliament will meet on Monday.", "2022-01-06", "on Monday", "2022-01-10", null)]
    [InlineData("Parliament will vote on Thursday.", "2022-01-06", "on Thursday", "2022-01-06", null)]
    [InlineData("On Monday, parliament will elect a new speaker.", "2022-01-06", "On Monday", "2022-01-10", null)]
    [InlineData("He said he will travel to Moscow on Friday.", "2022-01-12", "on Friday", "2022-01-14", null)]
    [InlineData("The ministry is due to report on Saturday.", "2022-01-06", "on Saturday", "2022-01-08", null)]
    [InlineData("The curfew is expected to end on Sunday.", "2022-01-07", "on Sunday", "2022-01-09", null)]
    [InlineData("Talks resume next Monday.", "2022-01-06", "next Monday", "2022-01-10", null)]
    [InlineData("Talks resume on Monday next week.", "2022-01-06", "on Monday next week", "2022-01-10", null)]
    [InlineData("Talks resume next Thursday.", "2022-01-06", "next Thursday", "2022-01-13", null)]
    [InlineData("The coming Friday is a day of mourning.", "2022-01-06", "coming Friday", "2022-01-07", null)]
    [InlineData("He left last Thursday.", "2022-01-06", "last Thursday", "2021-12-30", null)]
    [InlineData("Officials met last Monday.", "2022-01-10", "last Monday", "2022-01-03", null)]
    [InlineData("This past Sunday, protests began.", "2022-01-06", "This past Sunday", "2022-01-02", null)]
    [InlineData("Police detained 20 people yesterday.", "2022-01-06", "yesterday", "2022-01-05", null)]
    [InlineData("Police detained 20 people yesterday evening.", "2022-01-06", "yesterday evening", "2022-01-05", "Evening")]
    [InlineData("Banks are closed today.", "2022-01-06", "today", "2022-01-06", null)]
    [InlineData("The curfew was lifted this morning.", "2022-01-06", "this morning", "2022-01-06", "Morning")]
    [InlineData("The president will address the nation tonight.", "2022-01-06", "tonight", "2022-01-06", "Night")]
    [InlineData("Looters ransacked shops last night.", "2022-01-06", "last night", "2022-01-05", "Night")]
    [InlineData("Protesters seized the airport overnight.", "2022-01-06", "overnight", "2022-01-05", "Overnight")]
    [InlineData("The day before yesterday the protests began.", "2022-01-06", "The day before yesterday", "2022-01-04", null)]
    [InlineData("The airport was seized two days ago.", "2022-01-07", "two days ago", "2022-01-05", null)]
    [InlineData("Police fired on crowds in Almaty 4 days ago.", "2022-01-10", "4 days ago", "2022-01-06", null)]
    [InlineData("Protests began on January 2. Three days later, the government resigned.", "2022-01-10", "Three days later", "2022-01-05", null)]
    [InlineData("The government resigned on January 5. The day before, prices had doubled.", "2022-01-10", "The day before", "2022-01-04", null)]
    [InlineData("Troops landed on January 6. The next day, the airport was retaken.", "2022-01-10", "The next day", "2022-01-07", null)]
    [InlineData("Protesters gathered on January 5. The day after, the internet was cut.", "2022-01-10", "The day after", "2022-01-06", null)]
    [InlineData("Troops landed on Thursday and a day later took the airport.", "2022-01-10", "a day later", "2022-01-07", null)]
    [InlineData("Протесты начались 2 января в Жанаозене.", "2022-01-06", "2 января", "2022-01-02", null)]
    [InlineData("Указ подписан 5 января 2022 года в Нур-Султане.", "2022-01-10", "5 января 2022 года", "2022-01-05", null)]
    [InlineData("Рейсы отменили 4-5 января.", "2022-01-10", "4-5 января", "2022-01-04", null)]
    [InlineData("Президент выступил в понедельник.", "2022-01-06", "в понедельник", "2022-01-03", null)]
    [InlineData("Во вторник правительство ушло в отставку.", "2022-01-06", "Во вторник", "2022-01-04", null)]
    [InlineData("В среду ввели режим ЧП.", "2022-01-06", "В среду", "2022-01-05", null)]
    [InlineData("Парламент соберётся в пятницу, заседание будет открытым.", "2022-01-06", "в пятницу", "2021-12-31", null)]
    [InlineData("Заседание состоится в понедельник.", "2022-01-06", "в понедельник", "2022-01-10", null)]
    [InlineData("Вчера в Алматы ввели режим ЧП.", "2022-01-06", "Вчера", "2022-01-05", null)]
    [InlineData("Сегодня аэропорт закрыт.", "2022-01-06", "Сегодня", "2022-01-06", null)]
    [InlineData("Позавчера начались протесты.", "2022-01-06", "Позавчера", "2022-01-04", null)]
    public void An_expression_resolves_to_its_day(string sentence, string published, string expression, string expected, string? partOfDay)
    {
        var mention = Assert.Single(DateResolver.Resolve(sentence, Day(published)), m => m.Text == expression);
        Assert.Equal(Day(expected), mention.Date);
        Assert.Equal(partOfDay is null ? null : Enum.Parse<PartOfDay>(partOfDay), mention.PartOfDay);
        Assert.Equal(partOfDay is null ? DatePrecision.Day : DatePrecision.PartOfDay, mention.Precision);
        Assert.Equal(sentence.IndexOf(expression, StringComparison.Ordinal), mention.Start);
        Assert.Equal(expression.Length, mention.Length);
    }

    [Theory]
    [InlineData("Protests continued over the weekend.", "2022-01-10", "over the weekend", "2022-01-08", "2022-01-09", DatePrecision.Week)]
    [InlineData("Protests continued over the weekend.", "2022-01-09", "over the weekend", "2022-01-08", "2022-01-09", DatePrecision.Week)]
    [InlineData("Protests continued at the weekend.", "2022-01-12", "at the weekend", "2022-01-08", "2022-01-09", DatePrecision.Week)]
    [InlineData("Troops arrived last weekend.", "2022-01-10", "last weekend", "2022-01-08", "2022-01-09", DatePrecision.Week)]
    [InlineData("Troops arrived last weekend.", "2022-01-08", "last weekend", "2022-01-01", "2022-01-02", DatePrecision.Week)]
    [InlineData("Troops leave this weekend.", "2022-01-06", "this weekend", "2022-01-08", "2022-01-09", DatePrecision.Week)]
    [InlineData("Talks will be held over the weekend.", "2022-01-06", "over the weekend", "2022-01-08", "2022-01-09", DatePrecision.Week)]
    [InlineData("Протесты продолжились в выходные.", "2022-01-10", "в выходные", "2022-01-08", "2022-01-09", DatePrecision.Week)]
    [InlineData("Tokayev dismissed the cabinet last week.", "2022-01-12", "last week", "2022-01-03", "2022-01-09", DatePrecision.Week)]
    [InlineData("Troops are leaving this week.", "2022-01-12", "this week", "2022-01-10", "2022-01-16", DatePrecision.Week)]
    [InlineData("Arrests rose earlier this week.", "2022-01-12", "earlier this week", "2022-01-10", "2022-01-12", DatePrecision.Week)]
    [InlineData("Parliament meets next week.", "2022-01-12", "next week", "2022-01-17", "2022-01-23", DatePrecision.Week)]
    [InlineData("Токаев уволил правительство на прошлой неделе.", "2022-01-12", "на прошлой неделе", "2022-01-03", "2022-01-09", DatePrecision.Week)]
    [InlineData("Protests broke out earlier this month.", "2022-01-12", "earlier this month", "2022-01-01", "2022-01-12", DatePrecision.Month)]
    [InlineData("Gas prices were freed last month.", "2022-01-12", "last month", "2021-12-01", "2021-12-31", DatePrecision.Month)]
    [InlineData("The price cap lasts this month.", "2022-01-12", "this month", "2022-01-01", "2022-01-31", DatePrecision.Month)]
    [InlineData("Protesters seized the airport overnight.", "2022-01-06", "overnight", "2022-01-05", "2022-01-06", DatePrecision.PartOfDay)]
    [InlineData("Flights were cancelled on Jan 4-5.", "2022-01-10", "on Jan 4-5", "2022-01-04", "2022-01-05", DatePrecision.Day)]
    [InlineData("Troops arrived Thursday.", "2022-01-10", "Thursday", "2022-01-06", "2022-01-06", DatePrecision.Day)]
    public void A_range_has_a_first_and_last_day(string sentence, string published, string expression, string first, string last, DatePrecision precision)
    {
        var mention = Assert.Single(DateResolver.Resolve(sentence, Day(published)), m => m.Text == expression);
        Assert.Equal((Day(first), Day(last), precision), (mention.Date, mention.End, mention.Precision));
    }

    [Theory]
    [InlineData("Officials may meet again soon.")]
    [InlineData("Workers march to the square and may 5 more join.")]
    [InlineData("The meeting starts at 10:00 local time.")]
    [InlineData("Police said 2.5 tonnes of food arrived and 5 people were hurt.")]
    [InlineData("The 5 January-born activist was released.")]
    [InlineData("Black Friday sales were cancelled.")]
    [InlineData("An overnight curfew was imposed.")]
    [InlineData("USA Today reported the clashes.")]
    [InlineData("The day after the vote, nothing changed.")]
    [InlineData("Three days later, the troops left.")]
    [InlineData("Prices in march were lower.")]
    public void Words_that_only_look_like_dates_are_not_resolved(string sentence) =>
        Assert.Empty(DateResolver.Resolve(sentence, Day("2022-01-10")));

    [Theory]
    [InlineData("Troops arrived Thursday.", true)]
    [InlineData("Troops arrived on January 6.", false)]
    [InlineData("Troops arrived yesterday.", true)]
    public void Weekdays_and_relative_phrases_are_marked_relative(string sentence, bool relative) =>
        Assert.Equal(relative, Assert.Single(DateResolver.Resolve(sentence, Day("2022-01-10"))).Relative);

    [Fact]
    public void A_mention_knows_its_sentence()
    {
        const string text = "Prices doubled.\nThe cabinet resigned. Late on Tuesday, Tokayev accepted it.";
        var mention = Assert.Single(DateResolver.Resolve(text, Day("2022-01-06")));
        Assert.Equal(2, mention.Sentence);
        Assert.Equal("Late on Tuesday, Tokayev accepted it.", text.Substring(mention.SentenceStart, mention.SentenceLength));
    }

    [Fact]
    public void Without_a_publication_date_only_dates_with_a_year_resolve()
    {
        var mentions = DateResolver.Resolve("On Monday, January 10, 2022, he spoke. On Tuesday he left. On January 12 he returned. Yesterday it rained.", published: null);
        var mention = Assert.Single(mentions);
        Assert.Equal((Day("2022-01-10"), "On Monday, January 10, 2022"), (mention.Date, mention.Text));
    }

    [Theory]
    [InlineData("Protests began on January 2, 2022. On Wednesday the government resigned.", "2022-01-05")]
    [InlineData("On January 7, 2022, troops took the airport. On Monday Tokayev spoke to the CSTO.", "2022-01-10")]
    [InlineData("Protests began on January 2, 2022, and on January 5 the government resigned.", "2022-01-05")]
    [InlineData("Protests began on 2 января 2022 года. В среду правительство ушло в отставку.", "2022-01-05")]
    [InlineData("The decree of 2022-01-05 stands.", "2022-01-05")]
    [InlineData("Protests began on January 2, 2022. Talks resume next Monday.", "2022-01-02")]
    public void A_publication_date_is_inferred_from_printed_dates(string text, string expected) =>
        Assert.Equal(Day(expected), DateResolver.InferPublished(text));

    [Theory]
    [InlineData("The theatre announced its winter programme on Monday.")]
    [InlineData("The theatre announced on December 2 that it would reopen.")]
    [InlineData("Elections will be held on March 1, 2022.")]
    [InlineData("Police detained 20 people yesterday.")]
    [InlineData("No dates here at all.")]
    public void Nothing_is_inferred_without_a_safe_anchor(string text) => Assert.Null(DateResolver.InferPublished(text));

    [Fact]
    public void A_capture_day_anchors_weekdays_and_caps_the_inference()
    {
        Assert.Equal(Day("2022-01-10"), DateResolver.InferPublished("Tokayev spoke on Monday.", Day("2022-01-12")));
        Assert.Null(DateResolver.InferPublished("Protests began on January 2, 2022.", Day("2021-12-30")));
    }

    [Fact]
    public void An_undated_report_in_a_story_takes_its_dateline_day_even_after_the_story_s_latest_report()
    {
        var story = (Day("2022-01-02"), Day("2022-01-06"));
        Assert.Equal(Day("2022-01-15"), PublicationDay.InStory("ALMATY, January 15. /Steppe Wire/. Investigators detained a former official on Saturday.", story));
        Assert.Equal(Day("2022-01-05"), PublicationDay.InStory("Investigators detained a former official on Wednesday.", story));
    }

    [Fact]
    public void Seed_004_late_on_tuesday_is_the_fourth()
    {
        var mention = Mention(SeedText("004"), Day("2022-01-06"), "Late on Tuesday, Tokayev accepted the resignation", "Late on Tuesday");
        Assert.Equal((Day("2022-01-04"), PartOfDay.Late), (mention.Date, mention.PartOfDay));
    }

    [Fact]
    public void Seed_001_resign_on_wednesday_is_the_fifth()
    {
        var mention = Mention(SeedText("001"), Day("2022-01-10"), "resign on Wednesday", "on Wednesday");
        Assert.Equal(Day("2022-01-05"), mention.Date);
    }

    [Fact]
    public void Seed_002_over_the_weekend_is_the_eighth_and_ninth()
    {
        var mention = Mention(SeedText("002"), Day("2022-01-10"), "over the weekend, the worst violence", "over the weekend");
        Assert.Equal((Day("2022-01-08"), Day("2022-01-09")), (mention.Date, mention.End));
    }

    [Fact]
    public void Seed_003_early_hours_on_thursday_is_the_sixth()
    {
        var mention = Mention(SeedText("003"), Day("2022-01-07"), "early hours on Thursday", "early hours on Thursday");
        Assert.Equal((Day("2022-01-06"), PartOfDay.Early), (mention.Date, mention.PartOfDay));
    }

    private static DateMention Mention(string text, DateOnly published, string context, string expression)
    {
        var sentenceText = DateResolver.Resolve(text, published)
            .Where(m => m.Text.EndsWith(expression, StringComparison.Ordinal))
            .Where(m => text.Substring(m.SentenceStart, m.SentenceLength).Contains(context, StringComparison.Ordinal));
        return Assert.Single(sentenceText);
    }

    private static string SeedText(string number)
    {
        var seeds = Path.Combine(Cleaning.SeedCorpus.SolutionFolder(), "..", "shared", "corpus", "seeds");
        return File.ReadAllText(Directory.GetFiles(seeds, number + "_*.txt").Single());
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
