using KazakhUnrest.Core.Extraction;

namespace KazakhUnrest.Tests.Extraction;

/// <summary>Builds small test pages: a head and an article body long enough to be chosen as the content.</summary>
internal static class Html
{
    public const string Body =
        "<p>Protesters gathered on the main square on Sunday, demanding that the authorities reverse a sharp rise in the price of fuel, witnesses said.</p>" +
        "<p>Local officials came out to meet the crowd and promised to raise the issue with the government, but people remained on the square into the evening.</p>" +
        "<p>The increase followed the end of price controls at the start of the year, which left many drivers, taxi firms and farmers facing higher costs.</p>";

    public static string Page(string head = "", string article = Body, string around = "", string htmlAttributes = "") =>
        $"<!DOCTYPE html><html{htmlAttributes}><head><meta charset=\"utf-8\">{head}</head><body>{around}<article>{article}</article></body></html>";

    public static ExtractedArticle Single(string html, Uri? url = null) => Assert.Single(HtmlExtractor.Extract(html, url).Articles);
}
