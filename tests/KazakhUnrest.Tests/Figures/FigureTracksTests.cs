using KazakhUnrest.Core.Figures;

namespace KazakhUnrest.Tests.Figures;

public sealed class FigureTracksTests
{
    private static readonly DateOnly Jan6 = new(2022, 1, 6);
    private static readonly DateOnly Jan9 = new(2022, 1, 9);
    private static readonly DateOnly Jan15 = new(2022, 1, 15);

    private static long _next;

    private static FigureClaim Claim(string measure, decimal? value, DateOnly day, string outlet, string? source = null, string? qualifier = null,
        string? vague = null, string unit = "people", decimal? high = null, string? change = null, long? article = null, string? place = null,
        bool background = false) =>
        new(++_next, article ?? _next, measure, value, high ?? value, qualifier, vague, unit, change, source, outlet, day,
            day.ToDateTime(TimeOnly.MinValue).AddHours(_next), place, background);

    private static IReadOnlyDictionary<long, FigureTrack> Mark(params FigureClaim[] claims) => FigureTracks.Mark(claims);

    private static void AssertNoMarks(IReadOnlyDictionary<long, FigureTrack> tracks)
    {
        // No tracks at all would mean the claims were not compared, not that they agree.
        Assert.NotEmpty(tracks);
        Assert.All(tracks.Values, t => Assert.Equal((null, null, 0), (t.RevisionOf, t.Direction, t.DisagreesWith.Count)));
    }

    [Fact]
    public void A_source_that_raises_its_count_later_revises_it()
    {
        var first = Claim(FigureMeasures.Killed, 164, Jan9, "Caspian Daily", "health ministry");
        var later = Claim(FigureMeasures.Killed, 225, Jan15, "Steppe Wire", "Health  Ministry");
        var tracks = Mark(later, first);

        Assert.Null(tracks[first.Id].RevisionOf);
        Assert.Equal(first.Id, tracks[later.Id].RevisionOf);
        Assert.Equal(RevisionDirection.Up, tracks[later.Id].Direction);
        // A named source does not disagree with itself.
        Assert.Empty(tracks[later.Id].DisagreesWith);
    }

    [Fact]
    public void A_lower_count_later_is_a_revision_down_of_the_latest_claim()
    {
        var a = Claim(FigureMeasures.Detained, 5_000, Jan6, "A", "interior-ministry");
        var b = Claim(FigureMeasures.Detained, 5_000, Jan9, "B", "interior-ministry");
        var c = Claim(FigureMeasures.Detained, 4_500, Jan15, "A", "interior-ministry");
        var tracks = Mark(a, b, c);

        Assert.Null(tracks[b.Id].RevisionOf); // a repeat
        Assert.Equal(b.Id, tracks[c.Id].RevisionOf);
        Assert.Equal(RevisionDirection.Down, tracks[c.Id].Direction);
    }

    [Fact]
    public void The_same_count_retold_with_or_without_a_hedge_is_a_repeat()
    {
        AssertNoMarks(Mark(
            Claim(FigureMeasures.Killed, 164, Jan9, "A", "health ministry", qualifier: "at least"),
            Claim(FigureMeasures.Killed, 164, Jan15, "B", "health ministry")));
    }

    [Fact]
    public void Two_claims_about_one_day_are_ordered_by_when_we_saw_them()
    {
        var seenFirst = Claim(FigureMeasures.Killed, 164, Jan9, "A", "health ministry");
        var seenLater = Claim(FigureMeasures.Killed, 225, Jan9, "B", "health ministry");
        Assert.Equal(seenFirst.Id, Mark(seenLater, seenFirst)[seenLater.Id].RevisionOf);
    }

    [Fact]
    public void Unattributed_figures_and_different_sources_are_not_revisions()
    {
        var tracks = Mark(
            Claim(FigureMeasures.Killed, 164, Jan9, "A"),
            Claim(FigureMeasures.Killed, 225, Jan15, "A"),
            Claim(FigureMeasures.Killed, 100, Jan6, "B", "health ministry"),
            Claim(FigureMeasures.Killed, 200, new DateOnly(2022, 1, 10), "B", "interior ministry"));
        AssertNoMarks(tracks);
    }

    [Fact]
    public void A_source_keeps_a_revision_track_per_measure_and_unit()
    {
        AssertNoMarks(Mark(
            Claim(FigureMeasures.PricePerLitre, 120, Jan6, "A", "government", unit: "tenge"),
            Claim(FigureMeasures.PricePerLitre, 0.27m, Jan9, "A", "government", unit: "USD"),
            Claim(FigureMeasures.Injured, 1_300, Jan9, "A", "government")));
    }

    [Fact]
    public void A_count_of_one_group_is_never_compared_with_the_count_of_all()
    {
        // The sample capture's 9 January: "164 killed" (health ministry) and "16 members of the security forces had died" (interior ministry).
        AssertNoMarks(Mark(
            Claim(FigureMeasures.Killed, 164, Jan9, "Caspian Daily", "health ministry", qualifier: "at least"),
            Claim(FigureMeasures.KilledSecurityForces, 16, Jan9, "Northern Herald", "interior-ministry")));
        AssertNoMarks(Mark(
            Claim(FigureMeasures.KilledArmedCriminals, 26, Jan6, "Steppe Wire", "interior-ministry"),
            Claim(FigureMeasures.Killed, null, Jan6, "Caspian Daily", vague: "dozens")));
        // Even a part larger than the whole is left alone: the group words are read, not known, and a wrong one would flag a right report.
        AssertNoMarks(Mark(
            Claim(FigureMeasures.Injured, 1_000, Jan6, "B", "health ministry"),
            Claim(FigureMeasures.InjuredSecurityForces, 1_300, Jan6, "C", "defence ministry")));
    }

    [Fact]
    public void Counts_of_one_group_are_compared_with_each_other()
    {
        var sixteen = Claim(FigureMeasures.KilledSecurityForces, 16, Jan9, "A", "interior-ministry");
        var forty = Claim(FigureMeasures.KilledSecurityForces, 40, Jan9, "B", "defence ministry");
        var tracks = Mark(sixteen, forty);
        Assert.Equal([forty.Id], tracks[sixteen.Id].DisagreesWith);
    }

    [Fact]
    public void Different_sub_counts_count_different_people()
    {
        AssertNoMarks(Mark(
            Claim(FigureMeasures.KilledSecurityForces, 18, Jan6, "A", "interior-ministry"),
            Claim(FigureMeasures.KilledArmedCriminals, 26, Jan6, "B", "prosecutor")));
    }

    [Fact]
    public void A_count_for_one_place_is_compared_only_with_counts_for_that_place()
    {
        var almaty = Claim(FigureMeasures.Killed, 103, Jan9, "A", place: "almaty");
        var dozens = Claim(FigureMeasures.Killed, null, Jan9, "B", vague: "dozens");
        var otherAlmaty = Claim(FigureMeasures.Killed, 50, Jan9, "C", place: "almaty");
        var tracks = Mark(almaty, dozens, otherAlmaty);
        Assert.Equal([otherAlmaty.Id], tracks[almaty.Id].DisagreesWith);
        Assert.Empty(tracks[dozens.Id].DisagreesWith);

        // Nor is a source's count for one place a revision of its count for the country.
        var all = Claim(FigureMeasures.Killed, 164, Jan9, "A", "health ministry");
        var part = Claim(FigureMeasures.Killed, 103, Jan15, "A", "health ministry", place: "almaty");
        AssertNoMarks(Mark(all, part));
    }

    [Fact]
    public void A_background_figure_is_neither_a_revision_nor_in_disagreement()
    {
        // The sample capture's 16 January report retells the withdrawn 164 after giving 225.
        var toll = Claim(FigureMeasures.Killed, 225, Jan15, "Caspian Daily", "prosecutors");
        var earlier = Claim(FigureMeasures.Killed, 164, Jan15, "Caspian Daily", "prosecutors", background: true);
        var other = Claim(FigureMeasures.Killed, 225, Jan15, "Almaty Independent");
        var tracks = Mark(toll, earlier, other);
        Assert.False(tracks.ContainsKey(earlier.Id));
        AssertNoMarks(tracks);
    }

    [Fact]
    public void The_same_value_from_two_outlets_agrees()
    {
        AssertNoMarks(Mark(
            Claim(FigureMeasures.Killed, 164, Jan9, "Caspian Daily", "health ministry"),
            Claim(FigureMeasures.Killed, 164, Jan9, "Steppe Wire")));
    }

    [Theory]
    [InlineData("over", 4_000, null, 4_500, false)]
    [InlineData("over", 4_000, null, 4_000, false)]
    [InlineData("over", 4_000, null, 3_000, true)]
    [InlineData("up to", 4_000, null, 3_000, false)]
    [InlineData("up to", 4_000, null, 5_000, true)]
    [InlineData("about", 2_500, null, 2_300, false)]
    [InlineData("about", 2_500, null, 3_000, true)]
    [InlineData("almost", 400, null, 380, false)]
    [InlineData("almost", 400, null, 420, true)]
    [InlineData(null, null, "dozens", 26, false)]
    [InlineData(null, null, "dozens", 164, true)]
    [InlineData(null, null, "dozens", 12, true)]
    [InlineData(null, null, "hundreds", 164, true)]
    [InlineData(null, null, "thousands", 4_500, false)]
    [InlineData("over", null, "thousands", 40_000, false)]
    public void Hedged_and_vague_values_disagree_only_with_numbers_they_cannot_be(string? qualifier, int? value, string? vague, int other, bool disagree)
    {
        var hedged = Claim(FigureMeasures.Detained, value, Jan6, "A", qualifier: qualifier, vague: vague);
        var number = Claim(FigureMeasures.Detained, other, Jan6, "B");
        Assert.Equal(disagree, Mark(hedged, number)[number.Id].DisagreesWith.Contains(hedged.Id));
    }

    [Fact]
    public void Non_overlapping_ranges_disagree_and_overlapping_ones_do_not()
    {
        var range = Claim(FigureMeasures.TroopsDeployed, 2_000, Jan6, "A", high: 2_500, unit: "troops");
        var inside = Claim(FigureMeasures.TroopsDeployed, 2_500, Jan6, "B", unit: "troops");
        var outside = Claim(FigureMeasures.TroopsDeployed, 3_000, Jan6, "C", unit: "troops");
        var tracks = Mark(range, inside, outside);
        Assert.Equal([outside.Id], tracks[range.Id].DisagreesWith);
        Assert.Equal([outside.Id], tracks[inside.Id].DisagreesWith);
        Assert.Equal([range.Id, inside.Id], tracks[outside.Id].DisagreesWith);
    }

    [Fact]
    public void Two_sources_in_one_outlet_can_disagree_but_its_own_unattributed_figures_cannot()
    {
        var ministry = Claim(FigureMeasures.Killed, 164, Jan9, "A", "health ministry");
        var activists = Claim(FigureMeasures.Killed, 225, Jan9, "A", "activists");
        Assert.Equal([activists.Id], Mark(ministry, activists)[ministry.Id].DisagreesWith);

        AssertNoMarks(Mark(Claim(FigureMeasures.Killed, 164, Jan9, "A"), Claim(FigureMeasures.Killed, 225, Jan9, "A")));
    }

    [Fact]
    public void Figures_of_one_article_are_not_compared()
    {
        // "more than 40 people, government officials said" and "31 people died" on one side of the border.
        AssertNoMarks(Mark(
            Claim(FigureMeasures.Killed, 40, Jan9, "A", "government officials", qualifier: "over", article: 1_000),
            Claim(FigureMeasures.Killed, 31, Jan9, "A", article: 1_000)));
    }

    [Fact]
    public void Only_claims_about_the_same_day_and_unit_are_compared()
    {
        AssertNoMarks(Mark(
            Claim(FigureMeasures.Killed, 164, Jan9, "A", "health ministry"),
            Claim(FigureMeasures.Killed, 225, Jan15, "B", "activists"),
            Claim(FigureMeasures.Killed, 40, Jan6, "C"),
            Claim(FigureMeasures.PricePerLitre, 120, Jan6, "A", unit: "tenge"),
            Claim(FigureMeasures.PricePerLitre, 0.27m, Jan6, "B", unit: "USD")));
    }

    [Fact]
    public void The_value_before_a_change_is_context_not_a_claim()
    {
        var tracks = Mark(
            Claim(FigureMeasures.PricePerLitre, 60, Jan6, "A", "government", unit: "tenge", change: "from", background: true),
            Claim(FigureMeasures.PricePerLitre, 120, Jan6, "A", "government", unit: "tenge", change: "to"),
            Claim(FigureMeasures.PricePerLitre, 120, Jan6, "B", unit: "tenge"));
        Assert.Equal(2, tracks.Count);
        AssertNoMarks(tracks);
    }

    [Fact]
    public void The_reference_day_is_the_figure_date_then_the_publication_day_in_utc_then_the_inferred_day()
    {
        var published = new DateTimeOffset(2022, 1, 10, 2, 0, 0, TimeSpan.FromHours(6));
        Assert.Equal(Jan6, FigureTracks.ReferenceDay(Jan6, published, Jan15));
        Assert.Equal(Jan9, FigureTracks.ReferenceDay(null, published, Jan15));
        Assert.Equal(Jan15, FigureTracks.ReferenceDay(null, null, Jan15));
        Assert.Null(FigureTracks.ReferenceDay(null, null, null));
        // A background figure is not about the day it was retold.
        Assert.Null(FigureTracks.ReferenceDay(null, published, Jan15, background: true));
        Assert.Equal(Jan9, FigureTracks.ReferenceDay(Jan9, published, Jan15, background: true));
    }

    [Fact]
    public void Intervals_of_printed_values()
    {
        Assert.Equal(new FigureInterval(4_000, null), FigureTracks.Interval(4_000, 4_000, "over", null));
        Assert.Equal(new FigureInterval(60, 120), FigureTracks.Interval(60, 120, null, null));
        Assert.Equal(new FigureInterval(24, 99), FigureTracks.Interval(null, null, null, "dozens"));
        Assert.Equal(new FigureInterval(0, 400), FigureTracks.Interval(400, 400, "up to", null));
        Assert.Null(FigureTracks.Interval(null, null, null, null));
    }
}
