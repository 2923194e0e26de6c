using System.Text.Json;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Tests.Cleaning;

namespace KazakhUnrest.Tests.Entities;

/// <summary>The entities annotated in ../shared/corpus/seeds.gold.json, found in the cleaned seed segments.</summary>
public sealed class SeedEntityTests
{
    public static TheoryData<string, string> Annotated()
    {
        var data = new TheoryData<string, string>();
        foreach (var group in new[] { "people", "organisations", "places" })
        {
            foreach (var entity in Entities().GetProperty(group).EnumerateArray())
            {
                foreach (var id in entity.GetProperty("in").EnumerateArray())
                {
                    data.Add(entity.GetProperty("name").GetString()!, id.GetString()!);
                }
            }
        }
        return data;
    }

    public static TheoryData<string, string> Aliases()
    {
        var data = new TheoryData<string, string>();
        foreach (var group in new[] { "people", "organisations", "places" })
        {
            foreach (var entity in Entities().GetProperty(group).EnumerateArray())
            {
                if (!entity.TryGetProperty("aliases", out var aliases))
                {
                    continue;
                }

                foreach (var alias in aliases.EnumerateArray())
                {
                    data.Add(entity.GetProperty("name").GetString()!, alias.GetString()!);
                }
            }
        }
        return data;
    }

    public static TheoryData<string> Countries() =>
        new(Entities().GetProperty("countries").EnumerateArray().Select(country => country.GetString()!));

    [Theory]
    [MemberData(nameof(Annotated))]
    public void Each_annotated_entity_is_found_in_its_segment(string name, string segment) =>
        Assert.Contains(IdOf(name), Ids(Text(segment)));

    [Theory]
    [MemberData(nameof(Aliases))]
    public void Each_annotated_alias_resolves_to_its_entity(string name, string alias) =>
        Assert.Equal([IdOf(name)], Ids(alias).Distinct());

    [Theory]
    [MemberData(nameof(Countries))]
    public void Each_annotated_country_is_found_in_the_seeds(string name) =>
        Assert.Contains(SeedCorpus.Segments, segment => Ids(Text(segment.Id)).Contains(IdOf(name)));

    private static string IdOf(string name) => Assert.Single(EntityMatcher.Seed.Find(name)).EntityId;

    private static List<string> Ids(string text) => EntityMatcher.Seed.Find(text).Select(mention => mention.EntityId).ToList();

    private static string Text(string segment)
    {
        var article = SeedCorpus.Segment(segment).Article;
        return string.Join("\n", article.Title, article.Standfirst, article.Text);
    }

    private static JsonElement Entities()
    {
        var path = Path.Combine(SeedCorpus.SolutionFolder(), "..", "shared", "corpus", "seeds.gold.json");
        using var gold = JsonDocument.Parse(File.ReadAllText(path));
        return gold.RootElement.GetProperty("entities").Clone();
    }
}
