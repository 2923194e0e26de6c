using Microsoft.Playwright;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright; the package's own browser download is never used.</summary>
internal static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs it (apt-get install -y chromium).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go: TestResults/screenshots at the repository root.</summary>
    /// <summary>
    /// Clicks and waits for the page it leads to. The wait starts before the click: on a busy machine the next page can
    /// finish loading before a wait begun after the click is listening, and that wait then runs into its timeout.
    /// </summary>
    public static async Task ClickAndWaitForUrlAsync(this ILocator link, IPage page, string url)
    {
        var arrived = page.WaitForURLAsync(url);
        await link.ClickAsync();
        await arrived;
    }

    public static string ScreenshotPath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KazakhUnrest.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
