using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Framing;
using KazakhUnrest.Core.Quotes;

namespace KazakhUnrest.Tests.Quotes;

public sealed class QuoteExtractorTests
{
    private static IReadOnlyList<Quote> Quotes(string text) => QuoteExtractor.Extract(text, EntityMatcher.Seed.Find(text));

    [Theory]
    [InlineData("“We will restore order,” Tokayev said on Friday.", "We will restore order", "kassym-jomart-tokayev")]
    [InlineData("Tokayev said: \"We will restore order in the whole country.\"", "We will restore order in the whole country.", "kassym-jomart-tokayev")]
    [InlineData("«Порядок будет восстановлен», — заявил Токаев.", "Порядок будет восстановлен", "kassym-jomart-tokayev")]
    [InlineData("Токаев заявил: «Порядок будет восстановлен в ближайшее время».", "Порядок будет восстановлен в ближайшее время", "kassym-jomart-tokayev")]
    [InlineData("“The situation is stable,” according to the CSTO.", "The situation is stable", "csto")]
    [InlineData("По словам Токаева, «в Алматы действовали террористы».", "в Алматы действовали террористы", "kassym-jomart-tokayev")]
    public void A_quote_gets_the_speaker_its_cue_names(string text, string words, string speaker)
    {
        var quote = Assert.Single(Quotes(text), q => q.Kind != QuoteKind.Reported);
        Assert.Equal(words, quote.Text);
        Assert.Equal(speaker, quote.SpeakerId);
    }

    [Fact]
    public void He_stands_for_the_last_person_named_and_a_quote_without_cue_continues_the_paragraphs_speaker()
    {
        var text = "Xi Jinping sent a message on Friday.\n“You took decisive measures,” he said. “China supports you without reservation.”";
        var quotes = Quotes(text);
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("xi-jinping", q.SpeakerId));
    }

    [Fact]
    public void Scare_quotes_without_a_cue_have_no_speaker_and_an_unknown_speaker_keeps_the_articles_words()
    {
        var quotes = Quotes("Moscow sent “peacekeepers” to Almaty.\n“The streets are empty tonight,” a local resident said.");
        Assert.Null(quotes[0].Speaker);
        Assert.Equal(QuoteKind.Partial, quotes[0].Kind);
        Assert.Null(quotes[1].SpeakerId);
        Assert.Equal("a local resident", quotes[1].Speaker);
    }

    [Fact]
    public void A_claim_without_quotation_marks_is_reported_speech_with_its_speaker()
    {
        var quote = Assert.Single(Quotes("The Interior Ministry said on Saturday that 4,266 people had been detained across the country."));
        Assert.Equal(QuoteKind.Reported, quote.Kind);
        Assert.Equal("interior-ministry", quote.SpeakerId?[..17]);
        Assert.StartsWith("4,266 people had been detained", quote.Text);
    }

    [Fact]
    public void An_unclosed_quote_runs_to_the_end_of_its_paragraph_and_no_further()
    {
        var quotes = Quotes("Tokayev said: “Order will be restored and the guilty punished\nProtesters gathered again.");
        var quote = Assert.Single(quotes);
        Assert.Equal("Order will be restored and the guilty punished", quote.Text);
    }

    [Fact]
    public void A_term_counts_for_the_quoted_speaker_for_the_outlet_or_as_held_at_a_distance()
    {
        var text = "Tokayev called them “terrorists and bandits”. Terrorists attacked the airport, the agency wrote. Troops were sent as “peacekeepers”.";
        var uses = FramingExtractor.Extract(text, Quotes(text));
        Assert.Collection(uses,
            u => Assert.Equal(("terrorists", FramingVoice.Speaker, "kassym-jomart-tokayev"), (u.Term, u.Voice, u.SpeakerId)),
            u => Assert.Equal(("bandits", FramingVoice.Speaker, "kassym-jomart-tokayev"), (u.Term, u.Voice, u.SpeakerId)),
            u => Assert.Equal(("terrorists", FramingVoice.Outlet, (string?)null), (u.Term, u.Voice, u.SpeakerId)),
            u => Assert.Equal(("troops", FramingVoice.Outlet, (string?)null), (u.Term, u.Voice, u.SpeakerId)),
            u => Assert.Equal(("peacekeepers", FramingVoice.Distanced, (string?)null), (u.Term, u.Voice, u.SpeakerId)));
    }

    [Theory]
    [InlineData("Officials in Atyrau said that the square had been cleared overnight.", "Officials in Atyrau")]
    [InlineData("Roads were closed, and officials said that looters had been detained in the city.", "officials")]
    public void A_city_never_speaks_and_a_connective_is_not_part_of_the_speaker(string text, string speaker)
    {
        var quote = Assert.Single(Quotes(text));
        Assert.Null(quote.SpeakerId);
        Assert.Equal(speaker, quote.Speaker);
    }

    [Theory]
    [InlineData("BISHKEK — Kyrgyz servicemen returned home on Thursday, the defence ministry said.", "Kyrgyz servicemen returned home on Thursday", "the defence ministry")]
    [InlineData("NUR-SULTAN, Jan 19 (Steppe Wire) - The final units of the force left the country, the Russian defence ministry said.", "The final units of the force left the country", "the Russian defence ministry")]
    [InlineData("Kazakh authorities have said that foreign nationals are among those detained.", "foreign nationals are among those detained", "Kazakh authorities")]
    public void A_claim_leaves_out_the_dateline_and_its_speaker_the_auxiliary(string text, string claim, string speaker)
    {
        var quote = Assert.Single(Quotes(text));
        Assert.Equal((claim, speaker), (quote.Text, quote.Speaker));
    }
}
