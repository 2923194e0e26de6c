using KazakhUnrest.Core.Data;
using KazakhUnrest.Core.Framing;
using KazakhUnrest.Web.Framing;
using KazakhUnrest.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KazakhUnrest.Web.Framing;

[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(KazakhDbContext db) : PageModel
{
    private const int MaxOutlets = 40;
    private const int MaxSpeakers = 30;

    /// <summary>How a group of outlets uses one term: in its own voice (uses, and the share of its articles that do), quoting someone, or held in quotation marks.</summary>
    public sealed record Cell(int OwnUses, int OwnArticles, int Articles, int Quoted, int Distanced)
    {
        public double Share => Articles == 0 ? 0 : (double)OwnArticles / Articles;
    }

    public sealed record OutletRow(FramingQueries.OutletArticles Outlet, IReadOnlyList<(FramingTerm Term, Cell Cell)> Terms);

    public sealed record SpeakerRow(string Key, string Name, bool IsEntity, IReadOnlyList<(FramingTerm Term, int Uses)> Terms, int Outlets);

    public IReadOnlyList<FramingTerm> Terms { get; } = FramingTerms.All;
    public IReadOnlyList<OutletKind> Kinds { get; private set; } = [];
    public Dictionary<(string Term, OutletKind Kind), Cell> ByKind { get; } = [];
    public IReadOnlyDictionary<OutletKind, int> KindArticles { get; private set; } = new Dictionary<OutletKind, int>();
    public IReadOnlyList<OutletRow> Outlets { get; private set; } = [];
    public IReadOnlyList<SpeakerRow> Speakers { get; private set; } = [];
    public bool Any { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var summary = await FramingQueries.SummaryAsync(db, ct);
        Any = summary.Counts.Count > 0;
        KindArticles = summary.Outlets.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Sum(o => o.Articles));
        Kinds = [.. KindArticles.Keys.Order()];
        foreach (var term in Terms)
        {
            foreach (var kind in Kinds)
            {
                ByKind[(term.Key, kind)] = CellOf(summary.Counts.Where(c => c.Term == term.Key && c.Kind == kind), KindArticles[kind]);
            }
        }

        var byOutlet = summary.Counts.ToLookup(c => c.OutletId);
        Outlets = [.. summary.Outlets.OrderByDescending(o => o.Articles).ThenBy(o => o.Outlet).Take(MaxOutlets)
            .Select(o => new OutletRow(o, [.. Terms
                .Select(t => (Term: t, Cell: CellOf(byOutlet[o.OutletId].Where(c => c.Term == t.Key), o.Articles)))
                .Where(t => t.Cell.OwnUses + t.Cell.Quoted + t.Cell.Distanced > 0)
                .OrderByDescending(t => t.Cell.OwnUses)]))];

        Speakers = [.. summary.Counts.Where(c => c.Voice == FramingVoice.Speaker)
            .GroupBy(c => c.SpeakerId ?? c.Speaker!)
            .Select(g => new SpeakerRow(g.Key,
                g.First().SpeakerId is { } id && summary.SpeakerNames.TryGetValue(id, out var name) ? name : g.First().Speaker ?? g.Key,
                g.First().SpeakerId is not null,
                [.. g.GroupBy(c => c.Term).Select(t => (Term: FramingTerms.ByKey(t.Key)!, Uses: t.Sum(c => c.Uses))).Where(t => t.Term is not null).OrderByDescending(t => t.Uses)],
                g.Select(c => c.OutletId).Distinct().Count()))
            .OrderByDescending(s => s.Terms.Sum(t => t.Uses)).ThenBy(s => s.Name)
            .Take(MaxSpeakers)];
    }

    private static Cell CellOf(IEnumerable<FramingQueries.Count> counts, int articles)
    {
        int own = 0, ownArticles = 0, quoted = 0, distanced = 0;
        foreach (var c in counts)
        {
            switch (c.Voice)
            {
                case FramingVoice.Outlet:
                    own += c.Uses;
                    ownArticles += c.Articles;
                    break;
                case FramingVoice.Speaker:
                    quoted += c.Uses;
                    break;
                default:
                    distanced += c.Uses;
                    break;
            }
        }
        return new Cell(own, ownArticles, articles, quoted, distanced);
    }

    public static string UsesHref(string term, string query) => $"/framing/{Uri.EscapeDataString(term)}?{query}";
}
