using KazakhUnrest.Core.Framing;
using KazakhUnrest.Core.Quotes;

namespace KazakhUnrest.Core.Data;

/// <summary>A quote or reported claim of an article, with its speaker; offsets index the article's text.</summary>
public sealed class ArticleQuote
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public QuoteKind Kind { get; set; }
    public required string Text { get; set; }

    /// <summary>The speaker's entity id when the speaker is a known entity.</summary>
    public string? SpeakerId { get; set; }

    /// <summary>The speaker as the article names them.</summary>
    public string? Speaker { get; set; }

    public string? Cue { get; set; }
    public int Start { get; set; }
    public int Length { get; set; }
    public int SentenceStart { get; set; }
    public int SentenceLength { get; set; }
    public required string Sentence { get; set; }
}

/// <summary>One use of a loaded term in an article, and whose words it is.</summary>
public sealed class ArticleFraming
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public Article Article { get; set; } = null!;

    /// <summary>A key of <see cref="FramingTerms"/>.</summary>
    public required string Term { get; set; }

    public required string Surface { get; set; }
    public FramingVoice Voice { get; set; }
    public string? SpeakerId { get; set; }
    public string? Speaker { get; set; }
    public int Start { get; set; }
    public int SentenceStart { get; set; }
    public int SentenceLength { get; set; }
    public required string Sentence { get; set; }
}
