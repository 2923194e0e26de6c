using System.Text;

namespace KazakhUnrest.DevTools.Generate;

/// <summary>Fills "{slot}" placeholders, the article's own slots before the story's; an unknown slot is a bug in the templates, so it throws.</summary>
public static class Templates
{
    public static string Fill(string template, IReadOnlyDictionary<string, string> slots, IReadOnlyDictionary<string, string>? more = null)
    {
        var builder = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            builder.Append(template, i, open - i);
            var key = template[(open + 1)..close];
            builder.Append((more?.TryGetValue(key, out var value) ?? false) || slots.TryGetValue(key, out value)
                ? value
                : throw new KeyNotFoundException($"template slot {{{key}}} has no value"));
            i = close + 1;
        }

        return Capitalise(builder.ToString());
    }

    public static string Capitalise(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
}
