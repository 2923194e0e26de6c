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

    [Fact]
    public void Lsh_finds_a_near_copy_and_not_an_unrelated_text()
    {
        var index = new LshIndex();
        index.Add(1, MinHash.Signature(Wire));
        index.Add(2, MinHash.Signature(Unrelated));
        var candidates = index.Candidates(MinHash.Signature(TrimmedCopy())).ToList();
        Assert.Contains(1L, candidates);
        Assert.DoesNotContain(2L, candidates);
    }

    [Fact]
    public void A_trimmed_reheadlined_wire_copy_is_a_duplicate_of_the_wire_story()
    {
        var finder = new NearDuplicateFinder();
        Assert.Null(finder.Find(1, MinHash.Signature(Wire)).DuplicateOf);
        Assert.Null(finder.Find(2, MinHash.Signature(Unrelated)).DuplicateOf);
        var match = finder.Find(3, MinHash.Signature(TrimmedCopy()));
        Assert.Equal(1, match.DuplicateOf);
        Assert.InRange(match.Similarity, 0.6, 1.0);
    }

    [Fact]
    public void A_copy_of_a_copy_points_at_the_first_original()
    {
        var finder = new NearDuplicateFinder();
        finder.Find(10, MinHash.Signature(Wire));
        finder.Find(11, MinHash.Signature(TrimmedCopy()));
        var copyOfCopy = TrimmedCopy().Replace("Daily Hub republishes this report from Steppe Wire.\n\n", "", StringComparison.Ordinal);
        Assert.Equal(10, finder.Find(12, MinHash.Signature(copyOfCopy)).DuplicateOf);
    }

    [Fact]
    public void An_index_rebuilt_from_stored_signatures_finds_the_same_original()
    {
        var stored = MinHash.FromBytes(MinHash.ToBytes(MinHash.Signature(Wire)));
        var finder = new NearDuplicateFinder();
        finder.Add(1, stored, duplicateOf: null);
        Assert.Equal(1, finder.Find(2, MinHash.Signature(Wire)).DuplicateOf);
    }
}
