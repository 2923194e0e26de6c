using KazakhUnrest.Core.Cleaning;

namespace KazakhUnrest.Tests.Cleaning;

public sealed class LanguageTests
{
    [Theory]
    [InlineData("The bridge opened to traffic on Wednesday.", "en")]
    [InlineData("Мост открыли для движения в среду утром.", "ru")]
    [InlineData("Көпір сәрсенбі күні қозғалысқа ашылды.", "kk")]
    [InlineData("", "en")]
    public void Script_decides_the_language(string text, string expected) => Assert.Equal(expected, Language.Guess(text));
}
