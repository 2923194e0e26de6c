using System.Diagnostics;
using KazakhUnrest.Core.Dates;
using KazakhUnrest.Core.Entities;
using KazakhUnrest.Core.Events;
using KazakhUnrest.Core.Figures;
using KazakhUnrest.Core.Framing;
using KazakhUnrest.Core.Quotes;
using KazakhUnrest.DevTools.Generate;

namespace KazakhUnrest.Bench;

public sealed record EventsScore(int Articles, double ArticlesPerSecond, long Entities, long Dates, long Events, long PeakWorkingSet,
    double FiguresPerSecond, long Figures, double FiguresAndQuotesPerSecond, long Quotes, long Framing);

/// <summary>
/// What the events step computes per article, on one thread over a generated corpus: entity mentions, candidate
/// names, date expressions and dated events. The database writes are not part of it.
/// </summary>
public static class EventsBenchmark
{
    public static EventsScore Run(int articles, int seed)
    {
        var corpus = CorpusGenerator.Generate(articles, seed);
        var matcher = EntityMatcher.Seed;
        foreach (var a in corpus.Articles.Take(200))
        {
            Read(matcher, a.Text, DateOnly.FromDateTime(a.Published.UtcDateTime));
        }

        long entities = 0, dates = 0, events = 0;
        var clock = Stopwatch.StartNew();
        foreach (var a in corpus.Articles)
        {
            var (e, d, v) = Read(matcher, a.Text, DateOnly.FromDateTime(a.Published.UtcDateTime));
            (entities, dates, events) = (entities + e, dates + d, events + v);
        }

        var seconds = clock.Elapsed.TotalSeconds;

        // Figures on their own (the entity lookup they need included), as the comparison issue asks.
        long figures = 0;
        clock.Restart();
        foreach (var a in corpus.Articles)
        {
            var whole = a.Title + "\n\n" + a.Text;
            figures += FigureExtractor.Extract(whole, matcher.Find(whole), DateOnly.FromDateTime(a.Published.UtcDateTime)).Count;
        }

        var figuresPerSecond = corpus.Articles.Count / clock.Elapsed.TotalSeconds;

        // Figures, quotes and framing together, as the events step runs them: the entity lookup once per article.
        long quotes = 0, framing = 0;
        clock.Restart();
        foreach (var a in corpus.Articles)
        {
            var mentions = matcher.Find(a.Text);
            FigureExtractor.Extract(a.Text, mentions, DateOnly.FromDateTime(a.Published.UtcDateTime));
            var said = QuoteExtractor.Extract(a.Text, mentions);
            quotes += said.Count;
            framing += FramingExtractor.Extract(a.Text, said).Count;
        }

        return new EventsScore(corpus.Articles.Count, corpus.Articles.Count / seconds, entities, dates, events,
            Process.GetCurrentProcess().PeakWorkingSet64, figuresPerSecond, figures,
            corpus.Articles.Count / clock.Elapsed.TotalSeconds, quotes, framing);
    }

    private static (int Entities, int Dates, int Events) Read(EntityMatcher matcher, string text, DateOnly published)
    {
        var mentions = matcher.Find(text);
        matcher.Candidates(text, mentions);
        var dates = DateResolver.Resolve(text, published);
        var events = EventExtractor.Extract(text, dates, mentions, published);
        return (mentions.Count, dates.Count, events.Count);
    }
}
