using System.Text;
using AngleSharp.Dom;

namespace KazakhUnrest.Core.Extraction;

internal static class TextTools
{
    /// <summary>Collapses every run of whitespace (nbsp and other Unicode spaces included) into one space.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    public static string? NullIfEmpty(string? text)
    {
        var normalized = Normalize(text);
        return normalized.Length == 0 ? null : normalized;
    }

    public static int LinkTextLength(IElement element) =>
        element.QuerySelectorAll("a").Sum(a => Normalize(a.TextContent).Length);

    public static double LinkDensity(IElement element)
    {
        var length = Normalize(element.TextContent).Length;
        return length == 0 ? 0 : Math.Min(1, (double)LinkTextLength(element) / length);
    }

    /// <summary>The words of class, id, role and aria-label, lower-cased and split on punctuation and camel case.</summary>
    public static IEnumerable<string> HintTokens(IElement element) => HintValues(element).SelectMany(v => v);

    /// <summary>The words of each class name (and of id, role, aria-label, itemprop) separately.</summary>
    public static IEnumerable<List<string>> HintValues(IElement element)
    {
        var classes = (element.ClassName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string?[] others = [element.Id, element.GetAttribute("role"), element.GetAttribute("aria-label"), element.GetAttribute("itemprop")];
        return classes.Concat(others.OfType<string>()).Select(v => SplitTokens(v).ToList()).Where(v => v.Count > 0);
    }

    private static IEnumerable<string> SplitTokens(string hints)
    {
        var token = new StringBuilder();
        for (var i = 0; i < hints.Length; i++)
        {
            var c = hints[i];
            var camelBreak = char.IsUpper(c) && i > 0 && char.IsLower(hints[i - 1]);
            if (!char.IsLetterOrDigit(c) || camelBreak)
            {
                if (token.Length > 0)
                {
                    yield return token.ToString();
                }

                token.Clear();
            }
            if (char.IsLetterOrDigit(c))
            {
                token.Append(char.ToLowerInvariant(c));
            }
        }
        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }
}
