using System.Text;

namespace KazakhUnrest.DevTools.Hostile;

/// <summary>
/// Pages built to hurt a parser (issue 12): deep nesting, a million elements, 50 MB, a 5-million-character title, NUL
/// characters. Each carries one ordinary report paragraph, so a bounded extraction still has an article to store. Used by
/// the <c>hostile</c> benchmark and the import tests; generated in memory, so nothing hostile sits in the repository.
/// </summary>
public static class HostilePages
{
    public const string Report = "Protesters gathered in Almaty on 5 January 2022 after the fuel price rose, and police said 120 people were detained.";

    /// <summary>Every hostile page by name, in the order the benchmark reports them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["nested-40k", "nested-80k", "nested-200k", "elements-1m", "page-50mb", "title-5m", "nuls", "nuls-text"];

    /// <summary>The file name the page is imported under (<c>.txt</c> for a plain-text capture, else <c>.html</c>).</summary>
    public static string FileName(string name) => name + (name == "nuls-text" ? ".txt" : ".html");

    public static byte[] Bytes(string name) => Encoding.UTF8.GetBytes(Text(name));

    public static string Text(string name) => name switch
    {
        "nested-40k" => Nested(40_000),
        "nested-80k" => Nested(80_000),
        "nested-200k" => Nested(200_000),
        "elements-1m" => Elements(1_000_000),
        "page-50mb" => Large(50 * 1024 * 1024),
        "title-5m" => Page(new string('T', 5_000_000), $"<p>{Report}</p>"),
        "nuls" => Page("Fuel\0 protest\0", $"<p data-x=\"a\0b\">{Report.Replace(" ", " \0", StringComparison.Ordinal)}</p><p>\0\0\0</p>"),
        "nuls-text" => $"Fuel\0 protest\n\n{Report.Replace(" ", "\0 ", StringComparison.Ordinal)}\n\n\0\0\0\n",
        _ => throw new ArgumentException($"no hostile page named {name}", nameof(name)),
    };

    /// <summary>An ordinary page with a distinct headline, for the rest of the batch.</summary>
    public static string Normal(int number) =>
        Page($"Ordinary report {number}", $"<p>{Report} Report {number} adds that shops in Almaty were closed.</p><p>Internet access was cut in the evening.</p>");

    private static string Page(string title, string body) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>";

    private static string Nested(int depth)
    {
        var html = new StringBuilder(depth * 11 + 1_000);
        html.Append("<!DOCTYPE html><html><head><title>Nested ").Append(depth).Append("</title></head><body><article><h1>Nested ")
            .Append(depth).Append("</h1><p>").Append(Report).Append("</p>");
        html.Insert(html.Length, "<div>", depth);
        html.Append("<p>The deepest paragraph.</p>");
        html.Insert(html.Length, "</div>", depth);
        return html.Append("</article></body></html>").ToString();
    }

    private static string Elements(int count)
    {
        var html = new StringBuilder(count * 12 + 1_000);
        html.Append("<!DOCTYPE html><html><head><title>A million elements</title></head><body><article><h1>A million elements</h1><p>")
            .Append(Report).Append("</p>");
        for (var i = 0; i < count; i++)
        {
            html.Append("<p>w").Append(i % 10).Append("</p>");
        }

        return html.Append("</article></body></html>").ToString();
    }

    private static string Large(int bytes)
    {
        // Distinct paragraphs, as a long page has: identical ones would be folded into one by the repeated-block cleaning.
        var filler = new string('x', 870);
        var html = new StringBuilder(bytes + 2_000);
        html.Append("<!DOCTYPE html><html><head><title>Fifty megabytes</title></head><body><article><h1>Fifty megabytes</h1>");
        for (var i = 0; html.Length < bytes; i++)
        {
            html.Append("<p>").Append(Report).Append(' ').Append(i).Append(' ').Append(filler).Append("</p>\n");
        }

        return html.Append("</article></body></html>").ToString();
    }
}
