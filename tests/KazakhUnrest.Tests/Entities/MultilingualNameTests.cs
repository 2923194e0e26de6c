using KazakhUnrest.Core.Entities;

namespace KazakhUnrest.Tests.Entities;

/// <summary>The country, its places, people and bodies as reports in other languages write them, inflected and prefixed.</summary>
public sealed class MultilingualNameTests
{
    private static List<string> Ids(string text) => EntityMatcher.Seed.Find(text).Select(mention => mention.EntityId).ToList();

    [Theory]
    [InlineData("Kasachstans Präsident Tokajew entließ die Regierung in Nur-Sultan.", "kazakhstan", "kassym-jomart-tokayev", "nur-sultan")]
    [InlineData("Protesty w Kazachstanie: wojska OUBZ przybyły do Ałmaty na prośbę Tokajewa.", "kazakhstan", "csto", "almaty", "kassym-jomart-tokayev")]
    [InlineData("Le président Tokaïev a demandé l'aide de l'OTSC face aux émeutes au Kazakhstan.", "kassym-jomart-tokayev", "csto", "kazakhstan")]
    [InlineData("Las protestas en Kazajistán llegaron a Almaty; Tokáyev pidió ayuda a la OTSC.", "kazakhstan", "almaty", "kassym-jomart-tokayev", "csto")]
    [InlineData("Kazakistan'da protestolar sürüyor; Tokayev olağanüstü hal ilan etti.", "kazakhstan", "kassym-jomart-tokayev")]
    [InlineData("Mielenosoitukset Kazakstanissa jatkuivat, ja Tokajev julisti poikkeustilan.", "kazakhstan", "kassym-jomart-tokayev")]
    [InlineData("Токаєв заявив, що ситуація в Казахстані стабілізувалася.", "kassym-jomart-tokayev", "kazakhstan")]
    [InlineData("Тоқаевтың жарлығымен Қазақстанда төтенше жағдай енгізілді.", "kassym-jomart-tokayev", "kazakhstan")]
    [InlineData("وقال الرئيس توكاييف إن قوات منظمة معاهدة الأمن الجماعي وصلت إلى ألماتي وكازاخستان كلها.", "kassym-jomart-tokayev", "csto", "almaty", "kazakhstan")]
    [InlineData("فرضت السلطات حالة الطوارئ بكازاخستان.", "kazakhstan")]
    [InlineData("מחאות בקזחסטן: טוקאייב הכריז על מצב חירום באלמטי.", "kazakhstan", "kassym-jomart-tokayev", "almaty")]
    [InlineData("哈萨克斯坦总统托卡耶夫宣布阿拉木图进入紧急状态。", "kazakhstan", "kassym-jomart-tokayev", "almaty")]
    [InlineData("カザフスタンのトカエフ大統領はアルマトイに非常事態を宣言した。", "kazakhstan", "kassym-jomart-tokayev", "almaty")]
    [InlineData("Ղազախստանի նախագահ Տոկաևը հայտարարել է", "kazakhstan", "kassym-jomart-tokayev")]
    public void A_name_is_found_in_the_form_the_language_gives_it(string text, params string[] ids) =>
        Assert.All(ids, id => Assert.Contains(id, Ids(text)));

    [Fact]
    public void A_name_in_chinese_is_found_inside_the_unbroken_line_with_its_place_in_the_text()
    {
        const string text = "据报道，哈萨克斯坦总统托卡耶夫表示";
        var mention = Assert.Single(EntityMatcher.Seed.Find(text), mention => mention.EntityId == "kazakhstan");
        Assert.Equal(("哈萨克斯坦", 4), (mention.Surface, mention.Start));
    }

    [Theory]
    [InlineData("Die kasachische Regierung trat zurück.")]
    [InlineData("Russians and Kazakhs live side by side.")]
    [InlineData("The Kazakhstani side said the talks would go on.")]
    [InlineData("Rząd kazachskiego prezydenta podał się do dymisji.")]
    public void An_adjective_in_any_language_is_not_a_mention_of_the_country(string text) =>
        Assert.DoesNotContain(EntityMatcher.Seed.Find(text), mention => mention.Kind == EntityKind.Country);

    [Theory]
    [InlineData("Die kasachische Regierung trat zurück.")]
    [InlineData("Rząd kazachskiego prezydenta podał się do dymisji.")]
    [InlineData("الحكومة الكازاخستانية استقالت")]
    public void An_adjective_is_the_country_when_asked_for(string text)
    {
        var mention = Assert.Single(EntityMatcher.Seed.Find(text, adjectives: true));
        Assert.Equal(("kazakhstan", MentionHow.Adjective), (mention.EntityId, mention.How));
    }

    [Fact]
    public void A_name_an_editor_adds_is_found_inflected_too()
    {
        var added = new GazetteerEntry { Id = "samruk-kazyna", Kind = EntityKind.Organisation, Name = "Samruk-Kazyna", Country = "KZ" };
        var matcher = new EntityMatcher(Gazetteer.Entries.Append(added));
        Assert.Equal("samruk-kazyna", Assert.Single(matcher.Find("Der Chef von Samruk-Kazynas Holding trat zurück.")).EntityId);
        Assert.Equal("samruk-kazyna", Assert.Single(matcher.Find("Samruk-Kazynan johtaja erosi.")).EntityId);
    }
}
