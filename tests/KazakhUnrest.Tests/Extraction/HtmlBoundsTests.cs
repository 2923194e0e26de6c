using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Tests.Extraction;

public sealed class HtmlBoundsTests
{
    private static readonly ExtractionLimits Small = new() { MaxDepth = 16, MaxElements = 1_000 };

    [Fact]
    public void Every_real_page_of_the_dev_set_and_the_sample_capture_passes_unchanged()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.DevSet, "html"))
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "capture"), "*.html"))
            .ToList();
        Assert.True(files.Count > 1_000);
        foreach (var file in files)
        {
            var html = CharsetDetector.Decode(File.ReadAllBytes(file), null);
            var (bounded, cuts) = HtmlBounds.Apply(html, new ExtractionLimits());
            Assert.True(cuts.Count == 0, $"{Path.GetFileName(file)}: {string.Join("; ", cuts)}");
            Assert.Same(html, bounded);
        }
    }

    [Fact]
    public void Nesting_past_the_depth_loses_its_tags_and_keeps_its_text()
    {
        var html = $"<html><body>{Repeat("<div>", 1_000)}<p>deepest words</p>{Repeat("</div>", 1_000)}<p>after</p></body></html>";

        var (bounded, cuts) = HtmlBounds.Apply(html, Small with { MaxElements = 100_000 });

        using var document = new HtmlParser().ParseDocument(bounded);
        Assert.True(Depth(document.DocumentElement) <= Small.MaxDepth, $"depth {Depth(document.DocumentElement)}");
        Assert.Contains("deepest words", document.Body!.TextContent, StringComparison.Ordinal);
        // The closing tags of the kept divs still close them: "after" is a child of body, not buried in the divs.
        Assert.Equal("BODY", document.QuerySelectorAll("p").Last().ParentElement!.TagName);
        var cut = Assert.Single(cuts);
        Assert.Contains("deeper than 16 levels", cut, StringComparison.Ordinal);
        Assert.Contains("down to 1,003", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void Self_closed_divs_count_as_nesting_since_the_parser_opens_them()
    {
        var (_, cuts) = HtmlBounds.Apply($"<body>{Repeat("<div/>", 100)}text</body>", Small);

        Assert.Contains(cuts, c => c.Contains("deeper than 16", StringComparison.Ordinal));
    }

    [Fact]
    public void Unclosed_paragraphs_list_items_cells_and_svg_shapes_are_not_nesting()
    {
        var html = $"<body><ul>{Repeat("<li>item", 200)}</ul>{Repeat("<p>para", 200)}<table>{Repeat("<tr><td>a<td>b", 100)}</table>"
            + $"<svg>{Repeat("<path d=\"M0 0\"/>", 200)}</svg><select>{Repeat("<option>o", 100)}</select></body>";

        var (bounded, cuts) = HtmlBounds.Apply(html, Small with { MaxElements = 100_000 });

        Assert.Empty(cuts);
        Assert.Same(html, bounded);
    }

    [Fact]
    public void Tags_inside_comments_scripts_titles_and_quoted_attributes_are_not_counted()
    {
        var deep = Repeat("<div>", 100);
        var html = $"<head><title>{deep}</title><script>var s = \"{deep}\";</script><style>/* {deep} */</style></head>"
            + $"<body><!-- {deep} --><a title=\"x > {deep}\" data-y='{deep}'>link</a><textarea>{deep}</textarea></body>";

        var (_, cuts) = HtmlBounds.Apply(html, Small);

        Assert.Empty(cuts);
    }

    [Fact]
    public void A_page_is_cut_after_the_element_limit()
    {
        var html = $"<html><body><p>first</p>{Repeat("<p>w</p>", 5_000)}<p>never reached</p></body></html>";

        var (bounded, cuts) = HtmlBounds.Apply(html, Small);

        using var document = new HtmlParser().ParseDocument(bounded);
        Assert.True(document.All.Length <= Small.MaxElements + 3, $"{document.All.Length} elements");
        Assert.Contains("first", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("never reached", bounded, StringComparison.Ordinal);
        Assert.Contains(cuts, c => c.StartsWith("page cut after 1,000 elements", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cancelled_token_stops_the_scan()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => HtmlBounds.Apply(Repeat("<div>", 10_000), Small, cancelled.Token));
    }

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static int Depth(IElement? element)
    {
        // Iterative: the tree under test is the one that might be too deep to recurse.
        var deepest = 0;
        var stack = new Stack<(IElement, int)>();
        if (element is not null)
        {
            stack.Push((element, 1));
        }

        while (stack.TryPop(out var item))
        {
            deepest = Math.Max(deepest, item.Item2);
            foreach (var child in item.Item1.Children)
            {
                stack.Push((child, item.Item2 + 1));
            }
        }

        return deepest;
    }
}
