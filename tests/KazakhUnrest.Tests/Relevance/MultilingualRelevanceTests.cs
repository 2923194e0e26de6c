using KazakhUnrest.Core.Relevance;

namespace KazakhUnrest.Tests.Relevance;

/// <summary>Relevance reads the gazetteer's names and the unrest vocabulary in the languages of the coverage.</summary>
public sealed class MultilingualRelevanceTests
{
    private static readonly DateTimeOffset InWindow = new(2022, 1, 7, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("de", "Kasachstan: Tokajew ruft den Ausnahmezustand aus", "In Almaty und Aktau protestierten Tausende gegen die höheren Gaspreise. Die Polizei setzte Tränengas ein.", "actor: Tokayev")]
    [InlineData("pl", "Zamieszki w Kazachstanie", "W Ałmaty doszło do starć z policją. Prezydent Tokajew wprowadził stan wyjątkowy i godzinę policyjną.", "place: Almaty")]
    [InlineData("ar", "احتجاجات في كازاخستان", "فرضت السلطات حالة الطوارئ في ألماتي بعد اشتباكات بين المتظاهرين وقوات الأمن، وقال الرئيس توكاييف إن النظام سيعود.", "actor: Tokayev")]
    [InlineData("he", "מהומות בקזחסטן", "טוקאייב הכריז על מצב חירום באלמטי לאחר הפגנות נגד מחירי הדלק.", "place: Almaty")]
    [InlineData("zh", "哈萨克斯坦骚乱", "托卡耶夫总统宣布阿拉木图进入紧急状态，抗议者与安全部队发生冲突。", "actor: Tokayev")]
    [InlineData("ja", "カザフスタンで抗議デモ", "トカエフ大統領はアルマトイに非常事態を宣言し、外出禁止令を出した。", "place: Almaty")]
    [InlineData("et", "Kasahstanis puhkesid rahutused", "Almatõs ja Aktaus toimusid meeleavaldused; president Tokajev kuulutas välja eriolukorra.", "actor: Tokayev")]
    public void A_report_in_another_language_is_on_topic_for_its_names_and_words(string language, string title, string text, string reason)
    {
        var result = RelevanceScorer.Score(title, text, InWindow, language);

        Assert.True(result.OnTopic, Scoring.Explain(result));
        Assert.Contains(reason, result.Reasons);
        Assert.DoesNotContain(result.Reasons, r => r.Contains("no unrest terms", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "Kyrgyz and Tajik border guards clash again",
        "Clashes broke out on the Kyrgyz-Tajik border near Batken on Thursday, killing two. Bishkek and Dushanbe blamed each other. " +
        "CSTO secretary general Stanislav Zas urged calm as the alliance's troops were leaving Kazakhstan.")]
    [InlineData("de", "Schüsse an der Grenze zwischen Kirgistan und Tadschikistan",
        "An der kirgisisch-tadschikischen Grenze kam es erneut zu Zusammenstößen mit Toten. Bischkek und Duschanbe beschuldigten sich gegenseitig; " +
        "die OVKS, deren Truppen gerade aus Kasachstan abziehen, rief zur Ruhe auf.")]
    public void A_neighbours_border_clash_in_the_same_days_is_another_subject(string language, string title, string text)
    {
        var result = RelevanceScorer.Score(title, text, InWindow, language);

        Assert.False(result.OnTopic, Scoring.Explain(result));
        Assert.Contains("main subject: Kyrgyzstan–Tajikistan", result.Reasons);
    }

    [Fact]
    public void A_text_about_kazakhstan_without_a_word_of_the_unrest_is_about_something_else()
    {
        const string text = "Kazakhstan pumped more oil than its quota allowed, Kazakhstan's energy ministry said. " +
            "Kazakhstan expects output at the Kashagan field to grow, and Kazakhstan will ask for a larger share.";

        var result = RelevanceScorer.Score("Kazakhstan oil output above quota", text, null, "en");

        Assert.False(result.OnTopic, Scoring.Explain(result));
        Assert.Contains("about Kazakhstan, but no unrest terms", result.Reasons);
    }

    [Fact]
    public void Without_unrest_terms_a_date_in_the_window_still_carries_a_report_on_kazakhstan()
    {
        const string text = "Kazakhstan's President Tokayev named Alikhan Smailov prime minister on Tuesday. " +
            "Parliament in Nur-Sultan approved the choice of Tokayev unanimously.";

        var result = RelevanceScorer.Score("Kazakhstan: Tokayev names Smailov prime minister", text, InWindow, "en");

        Assert.True(result.OnTopic, Scoring.Explain(result));
    }

    [Theory]
    [InlineData("en", "A year after Kazakhstan's deadly riots, questions persist",
        "The protests began in Zhanaozen over fuel prices; in Almaty troops fired on crowds and thousands were detained. Tokayev called in the CSTO.")]
    [InlineData("de", "Kasachstan, ein Reisebericht",
        "Vor einem Jahr wurde Kasachstan von einem Aufstand erschüttert: Proteste gegen die Gaspreise, Plünderungen in Almaty, Truppen der OVKS.")]
    public void A_look_back_from_a_year_later_is_not_coverage_however_much_it_retells(string language, string title, string text)
    {
        var result = RelevanceScorer.Score(title, text, null, language);

        Assert.False(result.OnTopic, Scoring.Explain(result));
        Assert.Contains("looks back from a year later: its unrest terms retell", result.Reasons);
    }
}
