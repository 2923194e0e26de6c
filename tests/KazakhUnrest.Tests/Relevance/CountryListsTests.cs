using KazakhUnrest.Core.Relevance;

namespace KazakhUnrest.Tests.Relevance;

public sealed class CountryListsTests
{
    [Theory]
    [InlineData("members Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan met", 1)]
    [InlineData("Россия, Беларусь, Казахстан и Киргизия подписали", 1)]
    [InlineData("Armenien, Belarus, Kasachstan, Kirgistan und Tadschikistan trafen sich", 1)]
    [InlineData("أرمينيا، بيلاروسيا، كازاخستان، قيرغيزستان", 1)]
    [InlineData("Russia and Kazakhstan signed a deal", 0)]
    [InlineData("Russia sent troops. Kazakhstan asked for them. China watched.", 0)]
    public void Three_or_more_names_joined_by_commas_or_and_make_a_list(string text, int lists)
    {
        Assert.Equal(lists, CountryLists.Find(text).Count);
    }
}
