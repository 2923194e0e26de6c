using KazakhUnrest.Core.Entities;

namespace KazakhUnrest.Tests.Entities;

public sealed class EntityMatcherTests
{
    private static IReadOnlyList<EntityMention> Find(string text) => EntityMatcher.Seed.Find(text);

    private static List<string> Ids(string text) => Find(text).Select(mention => mention.EntityId).ToList();

    [Theory]
    [InlineData("Kassym-Jomart Tokayev", "kassym-jomart-tokayev")]
    [InlineData("Токаев", "kassym-jomart-tokayev")]
    [InlineData("Тоқаев", "kassym-jomart-tokayev")]
    [InlineData("Qasym-Jomart Toqaev", "kassym-jomart-tokayev")]
    [InlineData("Kassym-Zhomart Tokayev", "kassym-jomart-tokayev")]
    [InlineData("Назарбаев", "nursultan-nazarbayev")]
    [InlineData("CSTO", "csto")]
    [InlineData("ОДКБ", "csto")]
    [InlineData("Collective Security Treaty Organization", "csto")]
    [InlineData("Almaty", "almaty")]
    [InlineData("Алматы", "almaty")]
    [InlineData("Alma-Ata", "almaty")]
    [InlineData("Mangystau", "mangystau-region")]
    [InlineData("Mangistau", "mangystau-region")]
    [InlineData("Маңғыстау", "mangystau-region")]
    [InlineData("Nur-Sultan", "nur-sultan")]
    [InlineData("Nur Sultan", "nur-sultan")]
    [InlineData("Astana", "nur-sultan")]
    [InlineData("Си Цзиньпин", "xi-jinping")]
    [InlineData("Қазақстан", "kazakhstan")]
    public void Aliases_in_any_script_resolve_to_one_entity(string text, string id) =>
        Assert.Equal([id], Ids(text));

    [Fact]
    public void Surface_and_offsets_point_into_the_text()
    {
        var mention = Assert.Single(Find("Protests in Alma-Ata grew."));
        Assert.Equal(("Alma-Ata", 12, 8, MentionHow.Alias), (mention.Surface, mention.Start, mention.Length, mention.How));
    }

    [Theory]
    [InlineData("Tokayev's decree", "kassym-jomart-tokayev", "Tokayev")]
    [InlineData("Kazakhstan’s government", "kazakhstan", "Kazakhstan")]
    [InlineData("Russia's troops", "russia", "Russia")]
    public void Possessives_do_not_hide_a_name(string text, string id, string surface)
    {
        var mention = Assert.Single(Find(text));
        Assert.Equal((id, surface), (mention.EntityId, mention.Surface));
    }

    [Fact]
    public void Short_capitals_match_only_in_capitals()
    {
        Assert.Equal(["united-states"], Ids("The US condemned it."));
        Assert.Equal(["united-states"], Ids("The U.S. condemned it."));
        Assert.Empty(Find("Let us see what the un-elected do."));
        Assert.Empty(Find("A turkey and a chevron."));
    }

    [Fact]
    public void A_capital_city_is_not_an_alias_of_its_country() =>
        Assert.Equal(["united-states"], Ids("Washington said America would watch."));

    [Fact]
    public void Phrases_holding_a_country_name_are_not_that_country() =>
        Assert.Empty(Find("Fuel prices rose across Latin America."));

    [Fact]
    public void Country_adjectives_alone_are_not_mentions() => Assert.Empty(Find("Kazakh and Russian media"));

    [Theory]
    [InlineData("the Kazakh president said", "kassym-jomart-tokayev")]
    [InlineData("Kazakhstan’s president said", "kassym-jomart-tokayev")]
    [InlineData("the Kazakh leader said", "kassym-jomart-tokayev")]
    [InlineData("the former Kazakh president", "nursultan-nazarbayev")]
    [InlineData("the Russian-led military alliance", "csto")]
    [InlineData("what is seen as Russia’s answer to NATO", "csto")]
    public void Descriptions_resolve_to_their_entity(string text, string id)
    {
        var mention = Assert.Single(Find(text));
        Assert.Equal((id, MentionHow.Description), (mention.EntityId, mention.How));
    }

    [Fact]
    public void A_description_before_the_name_is_its_title()
    {
        var mention = Assert.Single(Find("Kazakh President Kassym-Jomart Tokayev"));
        Assert.Equal(("Kassym-Jomart Tokayev", MentionHow.Name), (mention.Surface, mention.How));
    }

    [Fact]
    public void Titled_family_names_resolve_through_the_gazetteer()
    {
        var mentions = Find("Mr. Xi spoke. Later Mr Ageleulov and Mr. Tokayev did.");
        Assert.Equal(["xi-jinping", "galym-ageleulov", "kassym-jomart-tokayev"], mentions.Select(mention => mention.EntityId));
        Assert.Equal(["Mr. Xi", "Mr Ageleulov", "Mr. Tokayev"], mentions.Select(mention => mention.Surface));
        Assert.All(mentions, mention => Assert.Equal(MentionHow.Title, mention.How));
    }

    [Fact]
    public void A_bare_family_name_resolves_to_the_person_named_earlier()
    {
        var mentions = Find("Wang Yi met Wang Wenbin. Wang said nothing; Price did not either.");
        Assert.Equal(["wang-yi", "wang-wenbin", "wang-wenbin"], mentions.Select(mention => mention.EntityId));
        Assert.Equal(MentionHow.Surname, mentions[^1].How);
    }

    [Fact]
    public void A_shared_family_name_without_context_stays_unresolved() => Assert.Empty(Find("Mr. Wang arrived."));

    [Theory]
    [InlineData("The Chinese Foreign Ministry said", "foreign-ministry-cn", "Chinese Foreign Ministry")]
    [InlineData("China's foreign ministry said", "foreign-ministry-cn", "foreign ministry")]
    [InlineData("the Ministry of Foreign Affairs of Russia said", "foreign-ministry-ru", "Ministry of Foreign Affairs")]
    [InlineData("Kazakhstan and China: the Foreign Ministry in Kazakhstan said", "foreign-ministry-kz", "Foreign Ministry")]
    [InlineData("The Interior Ministry said", "interior-ministry-kz", "Interior Ministry")]
    public void A_ministry_belongs_to_the_country_the_text_ties_it_to(string text, string id, string surface)
    {
        var mention = Assert.Single(Find(text), mention => mention.Kind == EntityKind.Organisation);
        Assert.Equal((id, surface), (mention.EntityId, mention.Surface));
    }

    [Fact]
    public void Longest_name_wins() => Assert.Equal(["tengiz-field"], Ids("the Tengiz field"));

    [Fact]
    public void Rows_added_at_run_time_extend_the_seed()
    {
        var extra = new GazetteerEntry { Id = "kassym-jomart-tokayev", Kind = EntityKind.Person, Name = "Kassym-Jomart Tokayev", Aliases = ["K.-J. T."] };
        var matcher = new EntityMatcher(Gazetteer.Entries.Append(extra));
        Assert.Equal("kassym-jomart-tokayev", Assert.Single(matcher.Find("K.-J. T. spoke")).EntityId);
    }

    [Theory]
    [InlineData("По словам Токаева, порядок восстановлен.", "kassym-jomart-tokayev")]
    [InlineData("Президент встретился с Токаевым в Москве.", "kassym-jomart-tokayev")]
    [InlineData("Ситуация в Казахстане остаётся напряжённой.", "kazakhstan")]
    [InlineData("Переговоры с Россией продолжатся.", "russia")]
    [InlineData("Позиция России не изменилась.", "russia")]
    [InlineData("Обращение к Путину было опубликовано.", "vladimir-putin")]
    public void Declined_russian_names_resolve_like_their_base_form(string text, string id) =>
        Assert.Contains(id, Ids(text));
}
