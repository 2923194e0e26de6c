namespace KazakhUnrest.DevTools.Generate;

/// <summary>Writes a generated corpus into a folder in the chosen format, with truth.json beside it.</summary>
public static class CorpusFiles
{
    public static IReadOnlyList<string> Write(GeneratedCorpus corpus, int seed, string folder, string format)
    {
        Directory.CreateDirectory(folder);
        var articles = Path.Combine(folder, format == "warc" ? "articles.warc.gz" : "articles.jsonl");
        using (var stream = new BufferedStream(File.Create(articles), 1 << 16))
        {
            if (format == "warc")
            {
                WarcOutput.Write(corpus, stream);
            }
            else
            {
                JsonlOutput.Write(corpus, stream);
            }
        }

        var truth = Path.Combine(folder, "truth.json");
        using (var stream = File.Create(truth))
        {
            TruthOutput.Write(corpus, seed, stream);
        }

        return [articles, truth];
    }
}
