namespace KazakhUnrest.Core.Figures;

/// <summary>One reported value as the tracker compares it.</summary>
/// <param name="Source">The attributed source key (entity id or attribution words); null when the outlet names nobody.</param>
/// <param name="Day">The day the figure refers to: see <see cref="FigureTracks.ReferenceDay"/>.</param>
/// <param name="SeenAt">When we first stored the article: orders two claims about the same day.</param>
/// <param name="Place">The place the count is limited to (<see cref="Figure.Place"/>); null for the whole country.</param>
/// <param name="Background">An older figure retold (<see cref="Figure.Background"/>): neither revised nor compared.</param>
public sealed record FigureClaim(long Id, long ArticleId, string Measure, decimal? Low, decimal? High, string? Qualifier, string? Vague, string Unit,
    string? Change, string? Source, string Outlet, DateOnly? Day, DateTimeOffset SeenAt, string? Place = null, bool Background = false);

/// <summary>The values a claim allows; <see cref="High"/> null means no upper bound ("over 4,000").</summary>
public readonly record struct FigureInterval(decimal Low, decimal? High)
{
    public bool Overlaps(FigureInterval other) => (High is null || other.Low <= High) && (other.High is null || Low <= other.High);
}

public enum RevisionDirection { Up, Down, Changed }

/// <summary>What the tracker says about one claim: the earlier claim it revises, and the claims it cannot be squared with.</summary>
public sealed record FigureTrack(long? RevisionOf, RevisionDirection? Direction, IReadOnlyList<long> DisagreesWith)
{
    public static readonly FigureTrack None = new(null, null, []);
}

/// <summary>
/// Revisions and disagreements between reported figures.
/// <para>
/// A <b>revision</b>: a named source (same non-null source key, any outlet) gives a different number for the same
/// measure and unit later than before (by the day it refers to, then by when we saw it). It revises the source's
/// previous claim. The same number again is a repeat, even if one outlet adds "at least" and another drops it:
/// outlets retell a count with their own hedges, and the source did not change its number.
/// </para>
/// <para>
/// A <b>disagreement</b>: two claims about the same day and unit, from different voices, that cannot both be true.
/// Voices differ when the sources differ, or when neither names a source and the outlets differ (an unattributed
/// figure is the outlet's own claim). A named source is never in disagreement with itself: that is a revision.
/// Figures of one article are not compared: an article that gives two numbers side by side most often counts two
/// places or sides ("31 died on the Kyrgyz side", "more than 40" in all), which the extractor cannot tell apart,
/// and its reader already sees both.
/// Only the same day is compared, not a window: tolls are cumulative and move daily in a crisis (164 on the 9th,
/// 225 on the 15th), and a ±1 day window would flag each outlet that was right on its own day; the chart shows
/// neighbouring days side by side instead.
/// </para>
/// <para>
/// Only like is compared with like: the same measure (who was counted is part of it: all dead, security forces dead,
/// civilians dead) and the same place. "164 killed" and "16 members of the security forces killed" count different
/// people, and "103 in Almaty" is a part of "164" in all; none of them can contradict the other. Values disagree
/// when their intervals do not overlap.
/// </para>
/// <para>
/// A background figure ("the earlier toll of 164", the value before a change "from 60 to 120 tenge") is an older
/// claim retold, not a claim about the day it was printed, so it is neither revised nor compared.
/// </para>
/// </summary>
public static class FigureTracks
{
    /// <summary>
    /// The figure's own date, else the day the article was published (UTC), else the day inferred from its text. A
    /// background figure has only its own date: the article's day is when the newer figure was given.
    /// </summary>
    public static DateOnly? ReferenceDay(DateOnly? date, DateTimeOffset? published, DateOnly? inferred, bool background = false) =>
        date ?? (background ? null : published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : inferred);

    /// <summary>
    /// The values a printed figure allows. A vague plural means at least two of the unit and fewer than the next
    /// word would say: "dozens" 24–99 (from 100 a reporter writes "over a hundred"), "scores" 40–199, "hundreds"
    /// 200–999, "thousands" 2,000–9,999 (then "tens of thousands"). "over" and "at least" have no upper bound and
    /// "over 4,000" is compared as if it allowed 4,000: a bare "4,000" is itself usually rounded. "about" is ±10%,
    /// "almost" up to 10% below, "up to" anything from zero.
    /// </summary>
    public static FigureInterval? Interval(decimal? low, decimal? high, string? qualifier, string? vague)
    {
        FigureInterval? printed = vague switch
        {
            "dozens" => new(24, 99),
            "scores" => new(40, 199),
            "hundreds" => new(200, 999),
            "thousands" => new(2_000, 9_999),
            null when low is { } l => new(l, high ?? l),
            _ => null,
        };
        if (printed is not { } v)
        {
            return null;
        }

        return qualifier switch
        {
            "over" or "at least" => new(v.Low, null),
            "up to" => new(0, v.High),
            "about" => new(v.Low * 0.9m, v.High * 1.1m),
            "almost" => new(v.Low * 0.9m, v.High),
            _ => v,
        };
    }

    public static IReadOnlyDictionary<long, FigureTrack> Mark(IEnumerable<FigureClaim> claims)
    {
        var comparable = claims
            .Where(c => !c.Background)
            .Select(c => (Claim: c, Interval: Interval(c.Low, c.High, c.Qualifier, c.Vague)))
            .Where(c => c.Interval is not null)
            .Select(c => (c.Claim, Interval: c.Interval!.Value))
            .OrderBy(c => c.Claim.Day).ThenBy(c => c.Claim.SeenAt).ThenBy(c => c.Claim.Id)
            .ToList();

        var revisions = new Dictionary<long, (long Of, RevisionDirection Direction)>();
        foreach (var track in comparable.Where(c => c.Claim.Source is not null)
                     .GroupBy(c => (Source: Key(c.Claim.Source), c.Claim.Measure, c.Claim.Place, c.Claim.Unit)))
        {
            var previous = track.First();
            foreach (var next in track.Skip(1))
            {
                if (!SameNumber(previous.Claim, next.Claim))
                {
                    revisions[next.Claim.Id] = (previous.Claim.Id, Direction(previous.Interval, next.Interval));
                }

                previous = next;
            }
        }

        var disagreements = new Dictionary<long, List<long>>();
        foreach (var day in comparable.Where(c => c.Claim.Day is not null)
                     .GroupBy(c => (c.Claim.Day, c.Claim.Measure, c.Claim.Place, c.Claim.Unit)))
        {
            var list = day.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (Disagree(list[i].Claim, list[i].Interval, list[j].Claim, list[j].Interval))
                    {
                        Add(disagreements, list[i].Claim.Id, list[j].Claim.Id);
                        Add(disagreements, list[j].Claim.Id, list[i].Claim.Id);
                    }
                }
            }
        }

        return comparable.ToDictionary(c => c.Claim.Id, c =>
        {
            var disagrees = disagreements.GetValueOrDefault(c.Claim.Id) ?? [];
            return revisions.TryGetValue(c.Claim.Id, out var r) ? new FigureTrack(r.Of, r.Direction, disagrees) : new FigureTrack(null, null, disagrees);
        });
    }

    private static bool Disagree(FigureClaim a, FigureInterval ai, FigureClaim b, FigureInterval bi)
    {
        if (a.ArticleId == b.ArticleId)
        {
            return false;
        }

        var sameVoice = a.Source is not null || b.Source is not null
            ? Key(a.Source) == Key(b.Source)
            : a.Outlet == b.Outlet;
        if (sameVoice)
        {
            return false;
        }

        return !ai.Overlaps(bi);
    }

    private static bool SameNumber(FigureClaim a, FigureClaim b) => a.Low == b.Low && a.High == b.High && a.Vague == b.Vague;

    private static RevisionDirection Direction(FigureInterval before, FigureInterval after)
    {
        var order = after.Low != before.Low
            ? after.Low.CompareTo(before.Low)
            : (after.High ?? decimal.MaxValue).CompareTo(before.High ?? decimal.MaxValue);
        return order > 0 ? RevisionDirection.Up : order < 0 ? RevisionDirection.Down : RevisionDirection.Changed;
    }

    // Attribution words differ in case and spacing between outlets quoting the same source.
    private static string? Key(string? source) => source is null ? null : string.Join(' ', source.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static void Add(Dictionary<long, List<long>> map, long key, long value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
