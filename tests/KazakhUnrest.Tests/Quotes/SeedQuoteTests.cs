using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Framing;
using KazakhUnrest.Core.Quotes;
using KazakhUnrest.Tests.Cleaning;
using Xunit.Abstractions;

namespace KazakhUnrest.Tests.Quotes;

/// <summary>The quotes and framing of the seed segments as the cleaner stores them.</summary>
public sealed class SeedQuoteTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("003b", "a band of terrorists", "kassym-jomart-tokayev")]
    [InlineData("003b", "The police have disappeared from the city", "galym-ageleulov")]
    [InlineData("003b", "These gang members marched through the city", "galym-ageleulov")]
    [InlineData("003b", "It was a horrible scene", "galym-ageleulov")]
    [InlineData("004", "terrorists", "kassym-jomart-tokayev")]
    [InlineData("004", "undermining the territorial integrity", "kassym-jomart-tokayev")]
    [InlineData("003a", "The United States and, frankly, the world will be watching", "ned-price")]
    [InlineData("003a", "We will also be watching for any actions", "ned-price")]
    [InlineData("003a", "You decisively took effective measures", "xi-jinping")]
    [InlineData("003a", "resolutely opposes external forces", "xi-jinping")]
    [InlineData("001", "Some external forces do not want peace", "wang-yi")]
    [InlineData("000", "China is willing to work with Kazakhstan", "wang-wenbin")]
    [InlineData("000", "I believe that Kazakhstan will effectively ensure", "wang-wenbin")]
    public void Each_quote_has_its_speaker(string segment, string words, string speaker)
    {
        var quotes = QuotesOf(segment);
        var quote = quotes.FirstOrDefault(q => q.Kind != QuoteKind.Reported && q.Text.StartsWith(words, StringComparison.Ordinal));
        Assert.True(quote is not null, $"no quote starting “{words}” in {segment}");
        Assert.Equal(speaker, quote.SpeakerId);
    }

    [Theory]
    [InlineData("003b")]
    [InlineData("004")]
    [InlineData("001")]
    public void Terrorists_are_always_the_quoted_officials_word_not_the_outlets(string segment)
    {
        var text = SeedCorpus.Segment(segment).Article.Text;
        var uses = FramingExtractor.Extract(text, QuotesOf(segment)).Where(u => u.Term == "terrorists").ToList();
        foreach (var use in uses)
        {
            output.WriteLine($"{use.Voice} {use.SpeakerId} {use.Speaker} «{use.Surface}» {use.Sentence}");
        }

        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.Equal(FramingVoice.Speaker, u.Voice));
    }

    [Fact]
    public void Gold_framing_terms_are_found_in_their_segments()
    {
        var keys = new Dictionary<string, string>
        {
            ["terrorists"] = "terrorists",
            ["external forces"] = "external-forces",
            ["color revolution"] = "colour-revolution",
            ["criminals / criminal gangs"] = "criminals",
            ["peacekeeping forces"] = "peacekeepers",
        };
        var framing = SeedCorpus.GoldList("framing");
        Assert.NotEmpty(framing);
        foreach (var gold in framing)
        {
            var term = gold.GetProperty("term").GetString()!;
            foreach (var segment in gold.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!))
            {
                var uses = FramingExtractor.Extract(SeedCorpus.Segment(segment).Article.Text, QuotesOf(segment));
                Assert.True(uses.Any(u => u.Term == keys[term]), $"{term} not found in {segment}");
            }
        }
    }

    private List<Quote> QuotesOf(string segment)
    {
        var text = SeedCorpus.Segment(segment).Article.Text;
        var quotes = QuoteExtractor.Extract(text, EntityMatcher.Seed.Find(text)).ToList();
        foreach (var quote in quotes)
        {
            output.WriteLine($"{quote.Kind} <{quote.SpeakerId}|{quote.Speaker}|{quote.Cue}> «{quote.Text}»");
        }

        return quotes;
    }
}
