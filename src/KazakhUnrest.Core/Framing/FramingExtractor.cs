using KazakhUnrest.Core.Quotes;
using KazakhUnrest.Core.Text;

namespace KazakhUnrest.Core.Framing;

/// <summary>
/// Finds the loaded terms of an article and whose words each is. A term inside a quote belongs to the quote's
/// speaker: Tokayev calling protesters "terrorists" is Tokayev's framing, and an outlet that only quotes him has not
/// taken the word up. Reported speech without quotation marks is the outlet's paraphrase, so its words count for the outlet.
/// </summary>
public static class FramingExtractor
{
    public static IReadOnlyList<FramingUse> Extract(string text, IReadOnlyList<Quote> quotes)
    {
        var quoted = quotes.Where(q => q.Kind != QuoteKind.Reported).OrderBy(q => q.Start).ToList();
        var found = new List<(FramingTerm Term, int Start, int Length)>();
        foreach (var term in FramingTerms.All)
        {
            for (var match = term.Pattern.Match(text); match.Success; match = match.NextMatch())
            {
                found.Add((term, match.Index, match.Length));
            }
        }
        if (found.Count == 0)
        {
            return [];
        }

        // Overlapping matches ("counter-terrorist operation" and "terrorist") keep the longest, so a word counts once.
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var sentences = Sentences.Split(text);
        var uses = new List<FramingUse>();
        var covered = -1;
        foreach (var (term, start, length) in found)
        {
            if (start < covered)
            {
                continue;
            }

            covered = start + length;
            var quote = quoted.FirstOrDefault(q => q.Start <= start && start + length <= q.End);
            var voice = quote is null ? FramingVoice.Outlet
                : quote.Speaker is null && quote.SpeakerId is null ? FramingVoice.Distanced
                : FramingVoice.Speaker;
            var index = Sentences.IndexAt(sentences, start);
            var sentence = index >= 0 ? sentences[index] : new Sentence(start, length, text.Substring(start, length));
            uses.Add(new FramingUse(term.Key, text.Substring(start, length), voice, quote?.SpeakerId, quote?.Speaker,
                start, length, sentence.Start, sentence.Length, sentence.Text));
        }
        return uses;
    }
}
