using System.Text.Json;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Figures;
using KazakhUnrest.Tests.Cleaning;
using Xunit.Abstractions;

namespace KazakhUnrest.Tests.Figures;

/// <summary>The figures annotated in ../shared/corpus/seeds.gold.json, each found in its segment with its attribution.</summary>
public sealed class SeedFigureTests(ITestOutputHelper output)
{
    /// <summary>Printed for 000 and 004; for the undated seeds the day their story gives them.</summary>
    private static readonly Dictionary<string, DateOnly> Published = new(StringComparer.Ordinal)
    {
        ["000"] = new(2022, 1, 10),
        ["001"] = new(2022, 1, 10),
        ["003a"] = new(2022, 1, 7),
        ["003b"] = new(2022, 1, 6),
        ["004"] = new(2022, 1, 6),
    };

    /// <summary>The gold file's measure descriptions as measure keys.</summary>
    private static readonly Dictionary<string, string> Measures = new(StringComparer.Ordinal)
    {
        ["injured"] = FigureMeasures.Injured,
        ["hospitalised"] = FigureMeasures.Hospitalised,
        ["detained"] = FigureMeasures.Detained,
        ["killed"] = FigureMeasures.Killed,
        ["killed (reported)"] = FigureMeasures.Killed,
        ["killed (armed criminals)"] = FigureMeasures.KilledArmedCriminals,
        ["killed (security officers)"] = FigureMeasures.KilledSecurityForces,
        ["injured (police officers)"] = FigureMeasures.InjuredPolice,
        ["LPG price per litre"] = FigureMeasures.PricePerLitre,
    };

    public static TheoryData<int> GoldFigures() => new(Enumerable.Range(0, Gold().Count));

    [Theory]
    [MemberData(nameof(GoldFigures))]
    public void Each_gold_figure_is_found_with_its_attribution(int index)
    {
        var gold = Gold()[index];
        var source = gold.GetProperty("source").GetString()!;
        // Headlines make claims too ("After dozens are reported dead..."), so they are read as lines before the body.
        var article = SeedCorpus.Segment(source).Article;
        var text = string.Join('\n', new[] { article.Title, article.Standfirst, article.Text }.OfType<string>());
        var figures = FigureExtractor.Extract(text, EntityMatcher.Seed.Find(text), Published.GetValueOrDefault(source));
        foreach (var figure in figures)
        {
            output.WriteLine($"{figure.Measure} {figure.Qualifier} {figure.Low}-{figure.High} {figure.Vague} {figure.Unit} {figure.Change} <{figure.AttributedTo}> {figure.Date} «{figure.Surface}»");
        }

        var measure = Measures[gold.GetProperty("measure").GetString()!];
        var attributedTo = gold.GetProperty("attributed_to").GetString();
        var candidates = figures.Where(f => f.Measure == measure && Attributed(f, attributedTo)).ToList();
        Assert.True(GoldValue.Matches(gold.GetProperty("value").GetString()!, candidates), $"{source}: {gold}");
    }

    private static bool Attributed(Figure figure, string? gold)
    {
        if (gold is null)
        {
            return figure.AttributedTo is null;
        }

        var ids = EntityMatcher.Seed.Find(gold).Select(m => m.EntityId);
        return ids.Contains(figure.AttributedTo)
            || (figure.AttributionText?.Contains(gold, StringComparison.OrdinalIgnoreCase) ?? false)
            || (figure.AttributionText is { } text && gold.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    private static List<JsonElement> Gold() => SeedCorpus.GoldList("figures");
}
