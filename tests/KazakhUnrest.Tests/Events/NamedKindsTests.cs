using KazakhUnrest.Core.Events;

namespace KazakhUnrest.Tests.Events;

/// <summary>The kinds a headline and lead name, read in the languages the story clusterer meets (our own headlines).</summary>
public sealed class NamedKindsTests
{
    [Theory]
    [InlineData("Kazakh government resigns as protests spread", "government-resigns")]
    [InlineData("Правительство Казахстана отправлено в отставку", "government-resigns")]
    [InlineData("Kasachstan: Präsident nimmt Rücktritt der Regierung an", "government-resigns")]
    [InlineData("Kazajistán: el presidente acepta la dimisión del gobierno", "government-resigns")]
    [InlineData("الرئيس الكازاخستاني يقبل استقالة الحكومة", "government-resigns")]
    [InlineData("哈萨克斯坦政府辞职", "government-resigns")]
    [InlineData("Kasachstan verhängt den Ausnahmezustand", "state-of-emergency")]
    [InlineData("Tokajew erteilt Schießbefehl", "shoot-to-kill-order")]
    [InlineData("Abzug der OVKS-Truppen aus Kasachstan beginnt", "troops-withdrawn")]
    [InlineData("Le retrait des troupes de l'OTSC commence", "troops-withdrawn")]
    [InlineData("Friedenstruppen landen in Almaty", "troops-deployed")]
    public void A_headline_names_its_kind_in_any_of_these_languages(string headline, string kind) =>
        Assert.Contains(kind, EventKinds.Named(headline));

    [Theory]
    [InlineData("Tokayev met the ambassador and said talks went well")]
    [InlineData("Der Präsident traf den Botschafter in Astana")]
    [InlineData("Dozens were detained in Almaty on Friday")]
    public void Loose_and_reporting_words_name_no_kind(string headline) => Assert.Empty(EventKinds.Named(headline));
}
