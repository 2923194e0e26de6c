using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Tests.Cleaning;

public sealed class LanguageTests
{
    [Theory]
    [InlineData("The bridge opened to traffic on Wednesday.", "en")]
    [InlineData("Мост открыли для движения в среду утром.", "ru")]
    [InlineData("Көпір сәрсенбі күні қозғалысқа ашылды.", "kk")]
    [InlineData("Туристер Алматыда қонақүйлерге орналасты, ал Мәскеуден келген делегация кешікті.", "kk")]
    [InlineData("Президент Токаев выступил с обращением; в Алматы и Жанаозене прошли митинги.", "ru")]
    [InlineData("", null)]
    public void Script_and_letters_decide_the_language(string text, string? expected) => Assert.Equal(expected, Language.Guess(text));
}
