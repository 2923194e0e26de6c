using KazakhUnrest.Core.Text;
using KazakhUnrest.Core.Urls;
using KazakhUnrest.Tests.Extraction;

namespace KazakhUnrest.Tests.Text;

public sealed class SlugsTests
{
    /// <summary>The rule outlet slugs were stored with before the shared one (the scraper's own copy, "outlet" when empty).</summary>
    private static string FormerOutletSlug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "outlet" : slug[..Math.Min(slug.Length, 100)];
    }

    private static string OutletSlug(string text) => Slugs.From(text) is { Length: > 0 } slug ? slug : "outlet";

    [Fact]
    public void Outlet_slugs_of_every_real_site_are_unchanged()
    {
        var labels = Path.Combine(RepositoryPaths.Root, "..", "shared", "corpus", "real-dev", "labels.tsv");
        var hosts = File.ReadLines(labels).Skip(1)
            .Select(line => line.Split('\t')[1])
            .Where(url => Uri.TryCreate(url, UriKind.Absolute, out _))
            .Select(url => HostKey.Of(new Uri(url).Host))
            .Distinct()
            .ToList();
        Assert.True(hosts.Count > 100, $"only {hosts.Count} hosts read from {labels}");
        Assert.All(hosts, host => Assert.Equal(FormerOutletSlug(host), OutletSlug(host)));
    }

    [Theory]
    [InlineData("tengrinews.kz", "tengrinews-kz")]
    [InlineData("xn--80ak6aa92e.com", "xn-80ak6aa92e-com")]
    [InlineData("Radio Free Europe / Radio Liberty", "radio-free-europe-radio-liberty")]
    [InlineData("capture-000_453d2e6cfef383e4", "capture-000-453d2e6cfef383e4")]
    [InlineData("  --Le Monde--  ", "le-monde")]
    [InlineData("Радио Азаттык", "outlet")]
    [InlineData("", "outlet")]
    public void Outlet_slugs_are_made_as_before(string text, string slug)
    {
        Assert.Equal(slug, OutletSlug(text));
        Assert.Equal(FormerOutletSlug(text), OutletSlug(text));
    }

    [Fact]
    public void A_slug_fits_the_slug_column()
    {
        var slug = Slugs.From(string.Join(' ', Enumerable.Repeat("Kazakhstan", 30)));
        Assert.Equal(Slugs.MaxLength, slug.Length);
        Assert.Equal(FormerOutletSlug(string.Join(' ', Enumerable.Repeat("Kazakhstan", 30))), slug);
    }

    [Theory]
    [InlineData("Saltanat Azirbek", "saltanat-azirbek")]
    [InlineData("Kassym-Jomart Tokayev", "kassym-jomart-tokayev")]
    [InlineData("Mr. O'Neil", "mr-o-neil")]
    [InlineData("Nur Otan (party)", "nur-otan-party")]
    [InlineData("António Guterres", "antonio-guterres")]
    [InlineData("Süddeutsche Zeitung", "suddeutsche-zeitung")]
    [InlineData("Токаев", "")]
    public void Entity_ids_of_promoted_names(string name, string id) => Assert.Equal(id, Slugs.From(name));
}
