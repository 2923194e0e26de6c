using System.IO.Compression;
using System.Text;
using KazakhUnrest.Core.Extraction;
using KazakhUnrest.Core.Stories;
using KazakhUnrest.DevTools.Generate;
using KazakhUnrest.DevTools.Scoring;
using KazakhUnrest.Scraper.Sources;

namespace KazakhUnrest.Tests.Stories;

public sealed class CorpusGeneratorTests
{
    private static byte[] Jsonl(int articles, int seed)
    {
        using var stream = new MemoryStream();
        JsonlOutput.Write(CorpusGenerator.Generate(articles, seed), stream);
        return stream.ToArray();
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        Assert.Equal(Jsonl(600, 7), Jsonl(600, 7));
        Assert.NotEqual(Jsonl(600, 7), Jsonl(600, 8));
    }

    [Fact]
    public void Corpus_has_stories_copies_and_off_topic_pieces_in_publication_order()
    {
        var corpus = CorpusGenerator.Generate(2_000, 3);
        var articles = corpus.Articles;
        Assert.Equal(2_000, articles.Count);
        Assert.True(corpus.Outlets.Count >= 280);
        Assert.InRange(articles.Count(a => !a.OnTopic), 80, 120);
        Assert.InRange(articles.Select(a => a.Story).Distinct().Count(), 150, 201);
        Assert.Contains(articles, a => a.CopyKind == "exact");
        Assert.Contains(articles, a => a.CopyKind == "near");
        var copies = articles.Where(a => a.Original is not null).ToList();
        Assert.NotEmpty(copies);
        Assert.All(copies, a => Assert.True(a.Published > a.Original!.Published));
        Assert.Equal(articles.OrderBy(a => a.Published).Select(a => a.Id), articles.Select(a => a.Id));
    }

    [Fact]
    public void Same_story_articles_by_different_outlets_are_not_copies_of_each_other()
    {
        var articles = CorpusGenerator.Generate(1_000, 5).Articles.Where(a => a.OnTopic && a.Original is null).ToList();
        var similarities = articles.GroupBy(a => a.Story)
            .SelectMany(g => g.SelectMany((a, i) => g.Skip(i + 1).Select(b => Shingling.Jaccard(Shingling.Shingles(a.Text), Shingling.Shingles(b.Text)))))
            .ToList();
        Assert.True(similarities.Max() < 0.6, $"two originals of one story share {similarities.Max():F2} of their shingles (Jaccard)");
        Assert.True(similarities.Count(j => j >= 0.4) < similarities.Count / 100, "more than 1% of same-story originals are alike");
    }

    [Fact]
    public void Warc_output_is_read_back_by_the_importers_reader_and_extracts_to_the_article()
    {
        var corpus = CorpusGenerator.Generate(50, 11);
        using var stream = new MemoryStream();
        WarcOutput.Write(corpus, stream);
        stream.Position = 0;
        var responses = WarcReader.Read(stream).ToList();
        Assert.Equal(corpus.Articles.Select(a => a.Url), responses.Select(r => r.TargetUri!.AbsoluteUri));

        var article = corpus.Articles[10];
        var page = HtmlExtractor.Extract(Encoding.UTF8.GetString(responses[10].Body), responses[10].TargetUri);
        var extracted = Assert.Single(page.Articles);
        Assert.Equal(article.Title, extracted.Title);
        Assert.Contains(article.Paragraphs[^1], extracted.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cookie", extracted.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Clustering_and_dedup_of_2000_generated_articles_stay_above_the_floor()
    {
        var corpus = CorpusGenerator.Generate(2_000, 1);
        var clusterer = new StoryClusterer();
        var scored = new List<ScoredArticle>();
        foreach (var (article, id) in corpus.Articles.Select((a, i) => (a, (long)i + 1)))
        {
            var assignment = clusterer.Add(new ArticleFeatures(id, article.Outlet.Slug, article.Published, article.Title, article.Text, article.OnTopic, true,
                ArticleFeatures.EntitiesOf(article.Title, article.Text)));
            scored.Add(new ScoredArticle(id, article, assignment.StoryId, assignment.DuplicateOf));
        }

        var (stories, duplicates) = GeneratedCorpusScoring.Score(scored);
        Assert.True(stories.F1 >= 0.94, $"B-cubed F1 {stories.F1:F3}");
        Assert.True(duplicates.Precision >= 0.98 && duplicates.Recall >= 0.98, $"dedup P {duplicates.Precision:F3} R {duplicates.Recall:F3}");
    }
}
