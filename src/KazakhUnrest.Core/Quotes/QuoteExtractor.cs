using System.Text.RegularExpressions;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Text;

namespace KazakhUnrest.Core.Quotes;

/// <summary>
/// Finds the quotes of an article with their speakers, and the claims it reports without quotation marks
/// ("the ministry said that…"). A quote's speaker is named in its own sentence; a quote with none there continues
/// the last attributed quote of its paragraph (“…,” said Ned Price. “We will also be watching…”), and a few words
/// in quotation marks with no speaker anywhere are the outlet keeping its distance ("sent “peacekeeping forces”").
/// </summary>
public static partial class QuoteExtractor
{
    /// <summary>Fewer words than this in quotation marks, inside the outlet's own sentence, are a phrase it borrows, not a statement.</summary>
    private const int DirectWords = 5;

    public static IReadOnlyList<Quote> Extract(string text, IReadOnlyList<EntityMention> mentions)
    {
        var sentences = Sentences.Split(text);
        if (sentences.Count == 0)
        {
            return [];
        }

        var quotes = new List<Quote>();
        var spans = QuoteSpans.Find(text);
        // Cues are looked for outside quotation marks only: a "said" inside someone's quote is not the outlet's cue.
        var frame = Masked(text, spans);
        Quote? lastAttributed = null;
        var lastParagraph = -1;
        foreach (var span in spans)
        {
            var paragraph = ParagraphStart(text, span.Open);
            if (paragraph != lastParagraph && !ContinuesFromPrevious(text, paragraph, lastAttributed))
            {
                lastAttributed = null;
            }

            lastParagraph = paragraph;

            var first = Sentences.IndexAt(sentences, span.Open);
            var last = Sentences.IndexAt(sentences, Math.Max(span.Open, span.Close - 1));
            if (first < 0 || last < 0)
            {
                continue;
            }

            var inner = text[span.InnerStart..span.InnerEnd].Trim().TrimEnd(',');
            var words = WordCount(inner);
            if (words == 0)
            {
                continue;
            }

            var closing = sentences[last];
            var opening = sentences[first];
            var kind = words >= DirectWords || StandsAlone(text, opening.Start, span.Open) ? QuoteKind.Direct : QuoteKind.Partial;
            // A cue before the quote in its sentence wins over one after it: in "He told Mr. Tokayev that Beijing “…,” the
            // news agency said", the words are Xi's and the agency only relays them.
            var speaker = Speakers.Before(frame, opening.Start, span.Open, mentions)
                ?? Speakers.After(frame, Math.Min(span.Close + 1, closing.End), closing.End, mentions);
            if (speaker is null && kind == QuoteKind.Direct && lastAttributed is not null)
            {
                speaker = new Speaker(lastAttributed.SpeakerId, lastAttributed.Speaker, lastAttributed.Cue ?? "said");
            }

            var end = Math.Max(closing.End, Math.Min(span.Close + 1, text.Length));
            var quote = new Quote(kind, inner, speaker?.EntityId, speaker?.Words, speaker?.Cue,
                span.InnerStart, span.InnerEnd - span.InnerStart, opening.Start, end - opening.Start, text[opening.Start..end]);
            quotes.Add(quote);
            if (speaker is not null && kind == QuoteKind.Direct)
            {
                lastAttributed = quote;
            }
        }
        quotes.AddRange(Claims(text, sentences, spans, mentions));
        return quotes;
    }

    /// <summary>A quote that opens its sentence or follows a colon or comma is a statement however short: “We will win,” he said.</summary>
    private static bool StandsAlone(string text, int sentenceStart, int open)
    {
        var before = text.AsSpan(sentenceStart, open - sentenceStart).TrimEnd();
        return before.IsEmpty || before[^1] is ':' or ',' or '—' or '–';
    }

    /// <summary>Whether a quote may continue from the last paragraph: a paragraph that opens with a quote, right after an attributed one.</summary>
    private static bool ContinuesFromPrevious(string text, int paragraph, Quote? last) =>
        last is not null && paragraph < text.Length && text[paragraph] is '“' or '"' or '«' or '„'
        && ParagraphStart(text, Math.Max(0, paragraph - 2)) <= last.SentenceStart;

    /// <summary>Reported speech in sentences without quotation marks: "X said that…", "according to X, …", "…, the ministry said."</summary>
    private static IEnumerable<Quote> Claims(string text, IReadOnlyList<Sentence> sentences, List<QuoteSpan> spans, IReadOnlyList<EntityMention> mentions)
    {
        var quoted = 0;
        foreach (var sentence in sentences)
        {
            while (quoted < spans.Count && spans[quoted].Close < sentence.Start)
            {
                quoted++;
            }

            if (quoted < spans.Count && spans[quoted].Open < sentence.End)
            {
                continue;
            }

            if (ClaimThat().Match(sentence.Text) is { Success: true } that)
            {
                var speaker = Speakers.Before(text, sentence.Start, sentence.Start + that.Groups["verb"].Index + that.Groups["verb"].Length, mentions);
                var claim = that.Groups["claim"];
                if (speaker is not null && WordCount(claim.Value) >= 3)
                {
                    yield return Claim(sentence, sentence.Start + claim.Index, claim.Value, speaker);
                }
            }
            else if (ClaimAfter().Match(sentence.Text) is { Success: true } after)
            {
                var who = after.Groups["who"];
                var speaker = Speakers.Before(text, sentence.Start + who.Index, sentence.Start + after.Groups["verb"].Index + after.Groups["verb"].Length, mentions);
                var claim = after.Groups["claim"];
                if (speaker is not null && WordCount(claim.Value) >= 3)
                {
                    yield return Claim(sentence, sentence.Start + claim.Index, claim.Value, speaker);
                }
            }
        }
    }

    private static Quote Claim(Sentence sentence, int start, string claim, Speaker speaker)
    {
        // "BISHKEK — Kyrgyz servicemen…", "NUR-SULTAN, Jan 19 (Steppe Wire) - The final units…": the dateline is not the claim.
        var dateline = Dateline().Match(claim);
        if (dateline.Success)
        {
            (start, claim) = (start + dateline.Length, claim[dateline.Length..]);
        }

        return new(QuoteKind.Reported, claim.Trim().TrimEnd(','), speaker.EntityId, speaker.Words, speaker.Cue, start, claim.Length,
            sentence.Start, sentence.Length, sentence.Text);
    }

    [GeneratedRegex(@"^\s*\p{Lu}[\p{Lu}\s'’-]{2,}(?:,[^—–()-]{0,30})?\s*(?:\([^)]{1,40}\))?\s*[—–-]\s+")]
    private static partial Regex Dateline();

    private static string Masked(string text, List<QuoteSpan> spans)
    {
        var chars = text.ToCharArray();
        foreach (var span in spans)
        {
            for (var i = span.InnerStart; i < span.InnerEnd; i++)
            {
                if (chars[i] is not ('\n' or '\r'))
                {
                    chars[i] = ' ';
                }
            }
        }
        return new string(chars);
    }

    private static int ParagraphStart(string text, int position)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, Math.Min(position, text.Length - 1)));
        return start < 0 ? 0 : start + 1;
    }

    private static int WordCount(string text) => WordPattern().Count(text);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    // "…said on Monday that", "…claimed that", "…заявил, что": the claim is what follows.
    [GeneratedRegex(@"\b(?<verb>said|says|claimed|claims|alleged|alleges|stated|announced|warned|insisted|confirmed|denied|told\s+(?:\w+\s+){1,3}?|заявил\w*|сообщил\w*|отметил\w*|подчеркнул\w*)\s*(?:(?:on|late|early)\s+\w+\s+|in\s+a\s+statement\s+)?,?\s*(?:that|что)\s+(?<claim>[^;]+?)\s*[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimThat();

    // "Ninety-five officers were injured, the ministry said." The speaker stands after the claim's last comma.
    [GeneratedRegex(@"^(?<claim>.{12,}),\s*(?<who>[^,]{2,60}?)\s+(?<verb>said|says|claimed|reported|announced|added|заявил\w*|сообщил\w*)\b[^,]{0,40}[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimAfter();
}
