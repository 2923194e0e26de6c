using KazakhUnrest.Core.Text;

namespace KazakhUnrest.Tests.Text;

public class SentencesTests
{
    [Theory]
    [InlineData("Protests spread. Prices rose.", new[] { "Protests spread.", "Prices rose." })]
    [InlineData("Mr. Smith met Dr. Jones. They talked.", new[] { "Mr. Smith met Dr. Jones.", "They talked." })]
    [InlineData("Mrs. Ivanova and Gen. Lt. Petrov arrived. St. Petersburg sent aid.", new[] { "Mrs. Ivanova and Gen. Lt. Petrov arrived.", "St. Petersburg sent aid." })]
    [InlineData("Talks on Jan. 5 and Feb. 1 failed. Nobody came.", new[] { "Talks on Jan. 5 and Feb. 1 failed.", "Nobody came." })]
    [InlineData("The U.S. Embassy issued a warning. The U.N. Secretary-General called for calm.", new[] { "The U.S. Embassy issued a warning.", "The U.N. Secretary-General called for calm." })]
    [InlineData("Sanctions were threatened by the U.S. The ministry replied.", new[] { "Sanctions were threatened by the U.S.", "The ministry replied." })]
    [InlineData("Prices rose 2.5 times. Then they fell to 1.8.", new[] { "Prices rose 2.5 times.", "Then they fell to 1.8." })]
    [InlineData("J. K. Smith wrote the report. It was long.", new[] { "J. K. Smith wrote the report.", "It was long." })]
    [InlineData("He was No. 5 on the list. He resigned.", new[] { "He was No. 5 on the list.", "He resigned." })]
    [InlineData("He said: \"We will stay.\" Then he left.", new[] { "He said: \"We will stay.\"", "Then he left." })]
    [InlineData("He said: “We will stay.” Then he left.", new[] { "He said: “We will stay.”", "Then he left." })]
    [InlineData("“Will you stay?” he asked. She nodded.", new[] { "“Will you stay?” he asked.", "She nodded." })]
    [InlineData("He paused... and went on. Silence followed.", new[] { "He paused... and went on.", "Silence followed." })]
    [InlineData("Wait… Then it ended.", new[] { "Wait…", "Then it ended." })]
    [InlineData("Really? Yes! Of course.", new[] { "Really?", "Yes!", "Of course." })]
    [InlineData("Fuel, food, etc. were short. Shops closed.", new[] { "Fuel, food, etc. were short.", "Shops closed." })]
    [InlineData("Protests took place, e.g. in Almaty. Calm returned.", new[] { "Protests took place, e.g. in Almaty.", "Calm returned." })]
    [InlineData("It ended at 9 a.m. The police left.", new[] { "It ended at 9 a.m.", "The police left." })]
    [InlineData("Протесты начались 2 января. Власти ввели режим ЧП! Что дальше?", new[] { "Протесты начались 2 января.", "Власти ввели режим ЧП!", "Что дальше?" })]
    [InlineData("Указ подписан в 2022 г. в Астане. Президент выступил.", new[] { "Указ подписан в 2022 г. в Астане.", "Президент выступил." })]
    [InlineData("«Мы остаёмся.» Так сказал он.", new[] { "«Мы остаёмся.»", "Так сказал он." })]
    [InlineData("A heading without a stop\nThe first paragraph. Its second sentence.\n\nLast paragraph", new[] { "A heading without a stop", "The first paragraph.", "Its second sentence.", "Last paragraph" })]
    [InlineData("  Leading space. Trailing space.  ", new[] { "Leading space.", "Trailing space." })]
    [InlineData("", new string[0])]
    public void Text_is_split_into_sentences(string text, string[] expected)
    {
        var sentences = Sentences.Split(text);
        Assert.Equal(expected, sentences.Select(sentence => sentence.Text));
        Assert.All(sentences, sentence => Assert.Equal(sentence.Text, text.Substring(sentence.Start, sentence.Length)));
    }

    [Fact]
    public void A_position_is_found_in_its_sentence()
    {
        var sentences = Sentences.Split("One here. Two there.\nThree.");
        Assert.Equal(0, Sentences.IndexAt(sentences, 0));
        Assert.Equal(-1, Sentences.IndexAt(sentences, 9));
        Assert.Equal(1, Sentences.IndexAt(sentences, 10));
        Assert.Equal(2, Sentences.IndexAt(sentences, 21));
    }
}
