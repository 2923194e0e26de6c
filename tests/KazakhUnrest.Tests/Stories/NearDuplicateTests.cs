using KazakhUnrest.Core.Stories;

namespace KazakhUnrest.Tests.Stories;

public sealed class NearDuplicateTests
{
    internal const string Wire = """
        ALMATY, Jan 6 (Steppe Wire) — Kazakh security forces regained control of Almaty international airport on Thursday after it was overrun by a crowd a day earlier, the airport's operator said.

        At least 11 passenger jets remained at the airport during the seizure, including planes of foreign airlines.

        The terminal was looted, according to Nurlan Abenov, the head of the Almaty police department, who said it would stay closed until the building had been checked.

        Airlines including Air Astana, Aeroflot and flydubai suspended flights to the city for several days.

        Passengers, among them Aigerim Sadykova, described hiding in the baggage area for six hours as shots were fired outside.

        The unrest started in the western town of Zhanaozen at the start of January, when fuel prices doubled overnight.
        """;

    private const string Unrelated = """
        Former security chief Karim Massimov has been detained on suspicion of high treason, the National Security Committee said on Saturday.
        Massimov, a long-time ally of former president Nursultan Nazarbayev, was dismissed on 6 January at the height of the unrest.
        He twice served as prime minister, and analysts said the arrest pointed to a power struggle within the elite.
        """;

    internal static string TrimmedCopy()
    {
        var paragraphs = Wire.Split("\n\n").ToList();
        paragraphs.RemoveAt(paragraphs.Count - 1);
        paragraphs.Add("Join our Telegram channel for the latest news.");
        return "Daily Hub republishes this report from Steppe Wire.\n\n"
            + string.Join("\n\n", paragraphs).Replace(" said", " stated", StringComparison.Ordinal).Replace("at least", "no fewer than", StringComparison.Ordinal);
    }

    /// <summary>A different report of the same morning: own words, one short quote in common with <see cref="Wire"/>.</summary>
    private const string Rewrite = """
        Almaty airport is back under government control, the operator announced on Thursday, a day after crowds overran the terminal building.

        Eleven passenger jets, several of them belonging to foreign carriers, were stuck on the apron while the building was occupied.

        The terminal was looted, according to Nurlan Abenov, the head of the Almaty police department.

        Flights by Air Astana and other carriers will not resume before the weekend, a company spokeswoman told reporters in the capital.
        """;

    [Fact]
    public void The_index_finds_a_near_copy_and_not_an_unrelated_text()
    {
        var index = new SketchIndex();
        index.Add(1, ShingleSketch.Of(Wire));
        index.Add(2, ShingleSketch.Of(Unrelated));
        var candidates = index.Candidates(ShingleSketch.Of(TrimmedCopy()));
        Assert.Contains(1L, candidates.Keys);
        Assert.DoesNotContain(2L, candidates.Keys);
    }

    [Fact]
    public void A_trimmed_reheadlined_wire_copy_is_a_duplicate_of_the_wire_story()
    {
        var finder = new NearDuplicateFinder();
        Assert.Null(finder.Find(1, ShingleSketch.Of(Wire)).DuplicateOf);
        Assert.Null(finder.Find(2, ShingleSketch.Of(Unrelated)).DuplicateOf);
        var match = finder.Find(3, ShingleSketch.Of(TrimmedCopy()));
        Assert.Equal(1, match.DuplicateOf);
        Assert.InRange(match.Similarity, 0.6, 1.0);
    }

    [Fact]
    public void A_teaser_of_the_first_paragraphs_is_a_copy_of_the_full_text_either_way_round()
    {
        var teaser = string.Join("\n\n", Wire.Split("\n\n").Take(3)) + "\n\nRead the full story on our website";

        var fullFirst = new NearDuplicateFinder();
        fullFirst.Find(1, ShingleSketch.Of(Wire));
        Assert.Equal(1, fullFirst.Find(2, ShingleSketch.Of(teaser)).DuplicateOf);

        var teaserFirst = new NearDuplicateFinder();
        teaserFirst.Find(1, ShingleSketch.Of(teaser));
        Assert.Equal(1, teaserFirst.Find(2, ShingleSketch.Of(Wire)).DuplicateOf);
    }

    [Fact]
    public void A_republication_with_its_own_intro_and_furniture_lines_is_a_copy()
    {
        var republished = "Posted by the news desk\n\n3 min read\n\n"
            + "Our correspondent adds that long queues formed outside the few cash machines still working in the city centre on Friday.\n\n"
            + Wire + "\n\nShare this article\n\nRelated: more on Kazakhstan";
        var finder = new NearDuplicateFinder();
        finder.Find(1, ShingleSketch.Of(Wire));
        Assert.Equal(1, finder.Find(2, ShingleSketch.Of(republished)).DuplicateOf);
    }

    [Fact]
    public void A_rewrite_sharing_a_quote_is_not_a_copy()
    {
        var finder = new NearDuplicateFinder();
        finder.Find(1, ShingleSketch.Of(Wire));
        Assert.Null(finder.Find(2, ShingleSketch.Of(Rewrite)).DuplicateOf);
    }

    [Fact]
    public void A_copy_of_a_copy_points_at_the_first_original()
    {
        var finder = new NearDuplicateFinder();
        finder.Find(10, ShingleSketch.Of(Wire));
        finder.Find(11, ShingleSketch.Of(TrimmedCopy()));
        var copyOfCopy = TrimmedCopy().Replace("Daily Hub republishes this report from Steppe Wire.\n\n", "", StringComparison.Ordinal);
        Assert.Equal(10, finder.Find(12, ShingleSketch.Of(copyOfCopy)).DuplicateOf);
    }

    [Fact]
    public void An_index_rebuilt_from_stored_sketches_finds_the_same_original()
    {
        var stored = ShingleSketch.FromBytes(ShingleSketch.ToBytes(ShingleSketch.Of(Wire)))!;
        var finder = new NearDuplicateFinder();
        finder.Add(1, stored, duplicateOf: null);
        Assert.Equal(1, finder.Find(2, ShingleSketch.Of(Wire)).DuplicateOf);
    }
}
