using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ReportPipeline.IntegrationTests;

/// <summary>
/// Debian's headless Chromium (installed by .ci/install-extras), driven by Playwright, which downloads no browser of its own;
/// and what a page said that it should not have: console errors and warnings (CSP violations among them), page errors, dialogs.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] s_args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    /// <summary>Where screenshots go: beside the test assembly, never in the repository.</summary>
    public static string Output { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "browser")).FullName;

    public static async Task<Browser> LaunchAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium is not installed at {ChromiumPath}. Run .ci/install-extras (apt-get install -y chromium); this test does not skip.");
        var playwright = await Playwright.CreateAsync();
        return new Browser(playwright, await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = s_args }));
    }

    /// <summary>A page of a fresh context in <paramref name="locale"/>; <paramref name="problems"/> collects what it should not have said.</summary>
    public async Task<IPage> NewPageAsync(List<string> problems, string locale = "en-US")
    {
        var page = await Chromium.NewPageAsync(new BrowserNewPageOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        void Add(string problem)
        {
            lock (problems)
            {
                problems.Add(problem);
            }
        }

        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Add($"console {message.Type}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Add($"page error: {error}");
        page.Dialog += async (_, dialog) =>
        {
            Add($"dialog {dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        return page;
    }

    /// <summary>Tabs forward until the element matching <paramref name="selector"/> has the focus, as a keyboard user would.</summary>
    public static async Task TabToAsync(IPage page, string selector)
    {
        var script = $"document.activeElement?.matches({JsonSerializer.Serialize(selector)}) ?? false";
        for (var i = 0; i < 80 && !await page.EvaluateAsync<bool>(script); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await page.EvaluateAsync<bool>(script), $"Tab never reached {selector}");
    }

    /// <summary>
    /// Chooses the option of value <paramref name="value"/> in the select matching <paramref name="selector"/> with the arrow
    /// keys, as a keyboard user may. Not by typing its text: the browser forgets what was typed after a second without a key,
    /// so on a busy machine the option typed for is not the one chosen.
    /// </summary>
    public static async Task ChooseAsync(IPage page, string selector, string value)
    {
        await page.WaitForSelectorAsync($"{selector} option[value='{value}']", new() { State = WaitForSelectorState.Attached });
        var at = await page.EvalOnSelectorAsync<int[]>(selector, "(s, v) => [[...s.options].findIndex(o => o.value === v), s.options.length]", value);
        var fromEnd = at[1] - 1 - at[0];
        await TabToAsync(page, selector);
        await page.Keyboard.PressAsync(at[0] <= fromEnd ? "Home" : "End");
        for (var i = 0; i < Math.Min(at[0], fromEnd); i++)
        {
            await page.Keyboard.PressAsync(at[0] <= fromEnd ? "ArrowDown" : "ArrowUp");
        }

        Assert.Equal(value, await page.EvalOnSelectorAsync<string>(selector, "s => s.value"));
    }

    /// <summary>Fails on any serious or critical axe violation of the page as it stands, naming <paramref name="what"/> it shows.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(serious.Count == 0, $"axe found on {what}: {string.Join("; ", serious)}");
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>One Chromium for a class's tests, each test in fresh contexts of its own.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public Browser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Browser = await Browser.LaunchAsync();

    public async ValueTask DisposeAsync() => await Browser.DisposeAsync();
}
