using KazakhUnrest.Core.Stories;

namespace KazakhUnrest.Tests.Stories;

public sealed class StoryClustererTests
{
    private static readonly DateTimeOffset Jan6 = new(2022, 1, 6, 8, 0, 0, TimeSpan.Zero);

    // The placeholder on-topic flag is set by Labelled. Two stories of the same day that share Almaty, Tokayev and the CSTO, told by three outlets each in their own words.
    internal static readonly ArticleFeatures[] Articles =
    [
        new(1, "steppe-wire", Jan6, "Security forces retake Almaty airport, 11 aircraft stranded",
            "Kazakh security forces regained control of Almaty international airport on Thursday after it was overrun by a crowd. "
            + "At least 11 passenger jets remained on the apron. Nurlan Abenov, head of the Almaty police department, said the terminal had been looted. "
            + "President Tokayev has asked the CSTO for help.", true),
        new(2, "vlast-times", Jan6.AddHours(1), "Massimov dismissed as KNB chief, Tokayev takes over Security Council",
            "President Kassym-Jomart Tokayev dismissed Karim Massimov as head of the National Security Committee (KNB) on Thursday. "
            + "Massimov, a close ally of Nursultan Nazarbayev, had led the KNB since 2016. Tokayev also took over the Security Council. "
            + "The unrest in Almaty continues as CSTO troops arrive.", true),
        new(3, "orda-24", Jan6.AddHours(2), "Football: Denmark beat Finland in friendly",
            "Denmark beat Finland 3-1 in a friendly in Copenhagen on Thursday, with Jonas Wind scoring twice. "
            + "The coach said the team was ready for the spring. Attendance was 21,000.", true),
        new(4, "kursiv-post", Jan6.AddHours(3), "Almaty airport back under government control; Abenov says terminal looted",
            "The airport in Almaty is again in the hands of the authorities, police chief Nurlan Abenov told reporters. "
            + "Eleven planes, 11 in all, were stuck there while the crowd held the terminal, which was looted. "
            + "Flights by Air Astana remain suspended. Tokayev blamed terrorists and called in the CSTO.", true),
        new(5, "free-voice", Jan6.AddHours(4), "Karim Massimov removed from KNB as Tokayev consolidates power",
            "Karim Massimov is no longer chairman of the KNB: Tokayev removed him on Thursday, the Akorda said. "
            + "Analysts in Almaty see the dismissal of Massimov, Nazarbayev's long-time associate, as a power struggle. "
            + "Tokayev now heads the Security Council himself, while CSTO forces deploy.", true),
        new(6, "caspian-press", Jan6.AddHours(5), "Almaty airport: 11 jets stranded as airlines halt flights",
            "Air Astana and Aeroflot halted flights after the Almaty airport seizure, leaving 11 jets stranded. "
            + "According to Nurlan Abenov of the Almaty police, looters emptied the terminal before security forces returned. "
            + "Tokayev said the CSTO would guard key sites.", true),
        new(7, "silk-notes", Jan6.AddHours(6), "Who is Karim Massimov, the ousted KNB chief?",
            "Karim Massimov twice served as prime minister under Nursultan Nazarbayev before heading the KNB. "
            + "His dismissal by Tokayev on Thursday, amid the unrest in Almaty and the arrival of the CSTO, surprised observers. "
            + "The KNB has not commented on Massimov's whereabouts.", true),
    ];

    internal static ArticleFeatures[] Labelled => Articles.Select(a => a with { OnTopic = a.Id != 3 }).ToArray();

    private static long[] Run(StoryClusterer clusterer) => Labelled.Select(a => clusterer.Add(a).StoryId).ToArray();

    [Fact]
    public void Two_stories_of_one_day_come_out_as_two_and_the_off_topic_piece_in_none()
    {
        var stories = Run(new StoryClusterer());
        Assert.Equal(StoryClusterer.NoStory, stories[2]);
        Assert.Equal(stories[0], stories[3]);
        Assert.Equal(stories[0], stories[5]);
        Assert.Equal(stories[1], stories[4]);
        Assert.Equal(stories[1], stories[6]);
        Assert.NotEqual(stories[0], stories[1]);
    }

    [Fact]
    public void Running_twice_gives_the_same_story_ids()
    {
        Assert.Equal(Run(new StoryClusterer()), Run(new StoryClusterer()));
        Assert.Equal([100, 101], Run(new StoryClusterer(new StoryClustererOptions { FirstStoryId = 100 })).Where(s => s != 0).Distinct());
    }

    [Fact]
    public void A_pin_and_a_merge_survive_replaying_the_articles()
    {
        var live = new StoryClusterer();
        var first = Run(live);
        live.Pin(7, 1_000_000_001);
        live.Merge(first[0], first[1]);
        Assert.Equal(1_000_000_001, live.StoryOf(7));
        Assert.Equal(first[1], live.StoryOf(1));

        var replay = new StoryClusterer();
        replay.Pin(7, 1_000_000_001);
        replay.Merge(first[0], first[1]);
        Run(replay);
        foreach (var article in Articles)
        {
            Assert.Equal(live.StoryOf(article.Id), replay.StoryOf(article.Id));
        }
    }

    [Fact]
    public void A_wire_copy_joins_its_originals_story_as_a_duplicate()
    {
        var clusterer = new StoryClusterer();
        var wire = clusterer.Add(new ArticleFeatures(1, "steppe-wire", Jan6, "Security forces retake Almaty airport", NearDuplicateTests.Wire, true));
        var copy = clusterer.Add(new ArticleFeatures(2, "daily-hub", Jan6.AddHours(2), "Kazakhstan: airport retaken", NearDuplicateTests.TrimmedCopy(), true));
        Assert.True(wire.NewStory);
        Assert.Equal(wire.StoryId, copy.StoryId);
        Assert.Equal(1, copy.DuplicateOf);
        Assert.False(copy.NewStory);
    }

    [Fact]
    public void The_headline_comes_from_the_most_central_article()
    {
        var clusterer = new StoryClusterer();
        Run(clusterer);
        var members = Articles.Where(a => a.Id is 1 or 4 or 6)
            .Select(a => new StoryMember(a.Id, a.Time, a.Title, a.Text)).ToList();
        var central = StoryHeadline.MostCentral(members, clusterer.Vectorizer);
        Assert.NotNull(central);
        Assert.Contains("airport", central.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(central, StoryHeadline.MostCentral(members.AsEnumerable().Reverse().ToList(), clusterer.Vectorizer));
    }

    // Our own sentences: an English and a Russian report of one resignation share no word at all.
    private static readonly ArticleFeatures[] Resignation =
    [
        new(11, "steppe-wire", Jan6, "Kazakh government resigns amid unrest",
            "President Tokayev accepted the resignation of the government on Wednesday after protests spread to Almaty. "
            + "Ministers stay in office until a new cabinet is formed.", true, true, ["tokayev"]),
        new(12, "steppe-wire-2", Jan6.AddHours(1), "Airport seized by crowd",
            "A crowd seized the airport late in the evening; flights were halted and passengers left the terminal. "
            + "Airlines said the runway was closed until further notice.", true, true, []),
        new(13, "kursiv-ru", Jan6.AddHours(2), "Правительство Казахстана ушло в отставку",
            "Президент принял отставку правительства в среду. Министры продолжат работу до формирования нового кабинета.", true, true, []),
    ];

    [Fact]
    public void A_report_in_another_language_meets_the_story_through_the_kind_of_event_its_lead_names()
    {
        static long[] Cluster(StoryClustererOptions options)
        {
            var clusterer = new StoryClusterer(options);
            return Resignation.Select(a => clusterer.Add(a).StoryId).ToArray();
        }

        var withKinds = Cluster(new StoryClustererOptions());
        Assert.Equal(withKinds[0], withKinds[2]);
        Assert.NotEqual(withKinds[0], withKinds[1]);
        var wordsOnly = Cluster(new StoryClustererOptions { LeadKindWeight = 0 });
        Assert.NotEqual(wordsOnly[0], wordsOnly[2]);
    }

    [Fact]
    public void A_story_does_not_chain_from_day_to_day_past_its_middle()
    {
        // Each report of the blockade looks like the one before it; the fourth, three days after the first two, is a new development.
        var day = new DateTimeOffset(2022, 1, 2, 9, 0, 0, TimeSpan.Zero);
        ArticleFeatures Report(long id, DateTimeOffset time, string outlet, string text) => new(id, outlet, time, "Protest in Zhanaozen", text, true);
        var reports = new[]
        {
            Report(1, day, "a", "Drivers in Zhanaozen blocked the highway to protest against the price of liquefied gas. Mangystau officials met the drivers."),
            Report(2, day.AddHours(3), "b", "In Zhanaozen drivers blocked the highway over the price of liquefied gas, and Mangystau officials met them."),
            Report(3, day.AddDays(1.5), "c", "The protest in Zhanaozen over liquefied gas went on; drivers kept the highway blocked as officials promised talks."),
            Report(4, day.AddDays(3.2), "d", "Protesters in Zhanaozen stayed on the square after the cabinet resigned, and officials promised talks with them."),
        };
        static long[] Cluster(ArticleFeatures[] reports, StoryClustererOptions options)
        {
            var clusterer = new StoryClusterer(options);
            return reports.Select(a => clusterer.Add(a, new DuplicateMatch(null, 0)).StoryId).ToArray();
        }

        var apart = Cluster(reports, new StoryClustererOptions());
        Assert.Equal(apart[0], apart[2]);
        Assert.NotEqual(apart[0], apart[3]);
        var chained = Cluster(reports, new StoryClustererOptions { TimePenaltyPerDay = 0 });
        Assert.Equal(chained[0], chained[3]);
    }
}
