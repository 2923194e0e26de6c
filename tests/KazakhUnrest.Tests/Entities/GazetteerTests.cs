using KazakhUnrest.Core.Entities;

namespace KazakhUnrest.Tests.Entities;

public sealed class GazetteerTests
{
    [Fact]
    public void Every_iso_country_is_there_once()
    {
        var countries = Gazetteer.Entries.Where(entry => entry.Kind == EntityKind.Country).ToList();
        Assert.Equal(249, countries.Count);
        Assert.Equal(countries.Count, countries.Select(country => country.Iso).Distinct().Count());
        Assert.All(countries, country => Assert.Matches("^[A-Z]{2}$", country.Iso!));
    }

    [Fact]
    public void Ids_are_unique_slugs()
    {
        var ids = Gazetteer.Entries.Select(entry => entry.Id).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
    }

    [Fact]
    public void Countries_that_matter_have_russian_names()
    {
        var named = Gazetteer.Entries.Count(entry => entry.Kind == EntityKind.Country
            && entry.Aliases.Any(alias => alias.Any(c => c is >= 'А' and <= 'я')));
        Assert.True(named >= 40, $"{named} countries with a Russian name");
    }

    [Fact]
    public void Every_country_an_entity_belongs_to_exists()
    {
        var placed = Gazetteer.Entries.Where(entry => entry.Country is not null).ToList();
        Assert.NotEmpty(placed);
        Assert.All(placed, entry => Assert.NotNull(Gazetteer.Country(entry.Country!)));
    }
}
