using KazakhUnrest.Core.Relevance;

namespace KazakhUnrest.Tests.Relevance;

/// <summary>Each rule of the relevance model on a small invented text.</summary>
public sealed class RelevanceRuleTests
{
    private static readonly DateTimeOffset InWindow = new(2022, 1, 6, 12, 0, 0, TimeSpan.Zero);

    private const string EnglishReport =
        "Protesters clashed with police in Almaty on Wednesday as the government declared a state of emergency.\n\n" +
        "President Tokayev imposed a curfew and said troops would restore order. Dozens were detained.\n\n" +
        "The protest began over a fuel price rise in the west of Kazakhstan and spread within days.";

    [Fact]
    public void An_English_report_on_the_unrest_is_on_topic_and_says_why()
    {
        var result = RelevanceScorer.Score("Kazakhstan declares state of emergency as protests spread", EnglishReport, InWindow, "en");

        Assert.True(result.OnTopic, Scoring.Explain(result));
        Assert.InRange(result.Score, RelevanceScorer.Threshold, 1.0);
        Assert.Contains("mentions Kazakhstan 2×", result.Reasons);
        Assert.Contains("actor: Tokayev", result.Reasons);
        Assert.Contains("place: Almaty", result.Reasons);
        Assert.Contains("event window: published 2022-01-06", result.Reasons);
        Assert.Contains(result.Reasons, reason => reason.StartsWith("unrest terms: protest ×", StringComparison.Ordinal) && reason.Contains("state of emergency", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chronology_of_centuries_is_history_not_coverage()
    {
        // Our own lines in the style of a country-profile timeline: killings, a seizure, Almaty, and no year near 2022.
        const string Chronology = "1219 Mongol armies seized the towns of the Syr Darya and killed thousands.\n\n"
            + "1731 Khans of the Younger Horde sought Russian protection.\n\n1854 The fort of Verny was founded; it later became Almaty.\n\n"
            + "1916 A revolt against conscription was crushed and many were killed.\n\n1991 Kazakhstan declared independence.\n\n"
            + "1997 The capital moved to Akmola.";
        var history = RelevanceScorer.Score("Kazakhstan timeline", Chronology, null, "en");
        Assert.False(history.OnTopic, Scoring.Explain(history));
        Assert.Contains("a history of other ages: its unrest terms retell", history.Reasons);

        // The same lines with this year's events after them are a chronology of the unrest, and coverage.
        var current = RelevanceScorer.Score("Kazakhstan timeline", Chronology + "\n\n2022 Jan 5, Protesters seized the mayor's office in Almaty and the government resigned.", null, "en");
        Assert.True(current.OnTopic, Scoring.Explain(current));
    }

    [Fact]
    public void A_Russian_report_is_read_through_its_inflected_forms()
    {
        const string text =
            "В Казахстане продолжаются протесты. В Алматы введён режим чрезвычайного положения и комендантский час.\n\n" +
            "Токаев обратился к ОДКБ; миротворцы прибыли в страну. Задержаны сотни человек, есть погибшие.";

        var result = RelevanceScorer.Score("Токаев ввёл ЧП по всей стране", text, InWindow, "ru");

        Assert.True(result.OnTopic, Scoring.Explain(result));
        Assert.Contains(result.Reasons, reason => reason.StartsWith("actors: ", StringComparison.Ordinal) && reason.Contains("CSTO", StringComparison.Ordinal) && reason.Contains("Tokayev", StringComparison.Ordinal));
        Assert.Contains("place: Almaty", result.Reasons);
        Assert.Contains(result.Reasons, reason => reason.Contains("state of emergency", StringComparison.Ordinal));
    }

    [Fact]
    public void Kazakh_spellings_are_anchors()
    {
        var result = RelevanceScorer.Score("Қазақстан: Тоқаев төтенше жағдай жариялады", "Алматы мен Ақтау қалаларында наразылық жалғасуда.", null, "kk");

        Assert.True(result.OnTopic, Scoring.Explain(result));
        Assert.Contains("actor: Tokayev", result.Reasons);
    }

    private const string UkraineTitle = "Protest in Kyiv over Ukraine's energy law";

    private const string UkraineText =
        "Thousands rallied in Kyiv on Sunday as Ukraine's parliament debated a new energy law.\n\n" +
        "Police in Ukraine detained several protesters near the Rada. Ukrainian officials said the protest was peaceful.\n\n" +
        "Gas for the winter will come partly through a pipeline that also serves Kazakhstan.";

    /// <summary>Texts that name Kazakhstan (or not) without being about the unrest, each with the reason that must say why.</summary>
    public static TheoryData<string, string, string> OffTopic() => new()
    {
        {
            "Trade bloc leaders agree on tariffs",
            "Leaders of the trade bloc met in Moscow to discuss customs tariffs and grain quotas.\n\n" +
            "The members, Russia, Belarus, Kazakhstan, Kyrgyzstan and Armenia, agreed to meet again in spring.",
            "Kazakhstan only in a list of countries"
        },
        {
            UkraineTitle,
            UkraineText,
            "main subject: Ukraine"
        },
        {
            "Kyrgyz and Tajik troops clash at the border",
            "Border guards of Kyrgyzstan and Tajikistan exchanged fire near a disputed canal; Tajik and Kyrgyz officials blamed each other.\n\n" +
            "The clashes killed several people on both sides of the Kyrgyz-Tajik border.",
            "main subject: Kyrgyzstan–Tajikistan"
        },
        {
            "Pension protests return to Paris",
            "Protesters marched through Paris against the pension reform, and police used tear gas near the Bastille.\n\n" +
            "Unions called a new strike for Thursday; several people were detained overnight.\n\n" +
            "Fuel protests also shook Kazakhstan last year, but the unions say this movement has other roots.",
            "Kazakhstan named once, in passing"
        },
        {
            "Rovers sign striker",
            "The club signed the striker on a free transfer after three seasons in the Kazakhstan league, where he scored 20 goals.\n\n" +
            "The manager said he would make his debut in Saturday's home match.",
            "main subject: sport"
        },
    };

    [Theory]
    [MemberData(nameof(OffTopic))]
    public void A_text_about_something_else_is_off_topic_and_says_why(string title, string text, string reason)
    {
        var result = RelevanceScorer.Score(title, text, InWindow, "en");

        Assert.False(result.OnTopic, Scoring.Explain(result));
        Assert.Contains(reason, result.Reasons);
    }

    [Fact]
    public void A_competing_subject_leads_the_reasons()
    {
        Assert.Equal("main subject: Ukraine", RelevanceScorer.Score(UkraineTitle, UkraineText, InWindow, "en").Reasons[0]);
    }

    [Fact]
    public void A_date_before_the_unrest_outweighs_a_modest_report()
    {
        const string text = "Oil workers in Zhanaozen held a rally over wages on Tuesday. Local officials promised talks.";

        var before = RelevanceScorer.Score("Oil workers rally", text, new DateTimeOffset(2021, 4, 20, 9, 0, 0, TimeSpan.Zero), "en");
        var during = RelevanceScorer.Score("Oil workers rally", text, InWindow, "en");

        Assert.False(before.OnTopic, Scoring.Explain(before));
        Assert.Contains("published 2021-04-20, before the unrest", before.Reasons);
        Assert.True(during.OnTopic, Scoring.Explain(during));
    }

    [Fact]
    public void A_missing_date_is_neutral()
    {
        var undated = RelevanceScorer.Score("Protests in Kazakhstan", EnglishReport, null, "en");
        var late = RelevanceScorer.Score("Protests in Kazakhstan", EnglishReport, new DateTimeOffset(2022, 12, 20, 0, 0, 0, TimeSpan.Zero), "en");

        Assert.DoesNotContain(undated.Reasons, reason => reason.Contains("published", StringComparison.Ordinal));
        Assert.True(late.Score > undated.Score, $"{Scoring.Explain(late)} / {Scoring.Explain(undated)}");
    }

    [Fact]
    public void A_title_mention_carries_a_body_that_never_names_the_country()
    {
        const string text =
            "Protesters and police clashed through the night. The curfew was extended and more than a hundred people were detained.";

        var result = RelevanceScorer.Score("Kazakhstan extends curfew after night of clashes", text, null, "en");

        Assert.True(result.OnTopic, Scoring.Explain(result));
        Assert.Contains("in the title: Kazakhstan", result.Reasons);
    }

    [Fact]
    public void In_a_language_the_vocabulary_does_not_cover_missing_unrest_terms_prove_nothing()
    {
        var result = RelevanceScorer.Score("Kazahsztán: Tokajev menesztette a kormányt", "Almatiban és Aktauban ezrek vonultak utcára.", InWindow, "hu");

        Assert.Contains("actor: Tokayev", result.Reasons);
        Assert.DoesNotContain(result.Reasons, reason => reason.Contains("no unrest terms", StringComparison.Ordinal));
    }

    [Fact]
    public void Scoring_is_deterministic_and_bounded()
    {
        var first = RelevanceScorer.Score("Kazakhstan protests", EnglishReport, InWindow, "en");
        var second = RelevanceScorer.Score("Kazakhstan protests", EnglishReport, InWindow, "en");
        var empty = RelevanceScorer.Score("", "", null, null);

        Assert.Equal(first.Score, second.Score);
        Assert.Equal(first.Reasons, second.Reasons);
        Assert.InRange(empty.Score, 0.0, RelevanceScorer.Threshold);
        Assert.False(empty.OnTopic);
    }
}
