using KazakhUnrest.Core.Stories;

namespace KazakhUnrest.Tests.Stories;

public sealed class ShinglingTests
{
    [Fact]
    public void Words_are_lower_cased_letters_and_digits_in_any_script()
    {
        var words = WordTokens.Split("В Алматы задержаны 4,400 человек. Tokayev's order: «Огонь без предупреждения»!");
        Assert.Equal(["в", "алматы", "задержаны", "4400", "человек", "tokayevs", "order", "огонь", "без", "предупреждения"],
            words.Select(w => w.Text));
        Assert.True(words[3].Number);
        Assert.True(words[7].SentenceStart);
        Assert.True(words[1].Capitalised && !words[1].SentenceStart);
    }

    [Theory]
    [InlineData("Protesters stormed the city akimat in Almaty on Wednesday.", "PROTESTERS stormed — the city akimat, in Almaty on Wednesday!")]
    [InlineData("Протестующие захватили здание акимата Алматы в среду.", "протестующие захватили «здание» акимата Алматы — в среду")]
    public void Case_and_punctuation_do_not_change_the_shingles(string a, string b) =>
        Assert.Equal(Shingling.Shingles(a), Shingling.Shingles(b));

    [Fact]
    public void A_text_of_n_words_has_n_minus_four_shingles_and_a_short_one_has_one()
    {
        Assert.Equal(4, Shingling.Shingles("one two three four five six seven eight").Length);
        Assert.Single(Shingling.Shingles("only three words"));
        Assert.Empty(Shingling.Shingles(" — "));
    }

    [Fact]
    public void Shingle_hashes_are_the_same_in_every_process()
    {
        // A fixed value: string.GetHashCode would differ between runs and break stored signatures.
        Assert.Equal(10834251504975768790UL, Fnv1a.Hash("Tokayev"));
    }
}
