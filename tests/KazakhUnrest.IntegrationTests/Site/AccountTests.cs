using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KazakhUnrest.Core.Accounts;
using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>A site where every test signs in from 127.0.0.1 many times: the per-address limit has its own test.</summary>
public sealed class AccountSiteFixture : SiteFixture
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Accounts:SignInAttemptsPerMinute", "10000");
}

public sealed class AccountTests(AccountSiteFixture site) : IClassFixture<AccountSiteFixture>
{
    [Fact]
    public async Task Sign_in_and_out_with_strict_cookies_and_sign_out_only_by_a_post_with_its_antiforgery_token()
    {
        var email = await site.AccountAsync(Role.Editor);
        var jar = new SiteAccounts.CookieJar();
        using var client = SiteAccounts.Client(site.BaseAddress, jar);
        var home = await client.GetStringAsync("/stories");
        Assert.Contains("href=\"/accounts/sign-in\"", home);
        Assert.DoesNotContain("Sign out", home);

        var signedIn = await client.SignInAsync(email, SiteAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        foreach (var cookie in new[] { "ku_session", "ku_antiforgery" })
        {
            var header = jar.SetCookieHeaders[cookie].ToLowerInvariant();
            Assert.Contains("httponly", header);
            Assert.Contains("secure", header); // the test site runs outside Development
            Assert.Matches("samesite=(lax|strict)", header);
        }

        Assert.Contains("samesite=lax", jar.SetCookieHeaders["ku_session"].ToLowerInvariant());
        var page = await client.GetStringAsync("/stories");
        Assert.Contains(email, page);
        Assert.Contains("Sign out", page);

        // Without the token (a cross-site form or link could do that much) nothing happens.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostFormAsync("/accounts/sign-out", null)).StatusCode);
        Assert.Contains(email, await client.GetStringAsync("/stories"));

        var token = await client.AntiforgeryTokenAsync("/stories");
        var signedOut = await client.PostFormAsync("/accounts/sign-out", token);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var after = await client.GetStringAsync("/stories");
        Assert.DoesNotContain(email, after);
        Assert.Contains("href=\"/accounts/sign-in\"", after);
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_refused()
    {
        var email = await site.AccountAsync(Role.Editor);
        using var client = SiteAccounts.Client(site.BaseAddress);
        var response = await client.PostFormAsync("/accounts/sign-in", null, ("Form.Email", email), ("Form.Password", SiteAccounts.Password));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = await site.AccountAsync(Role.Editor);
        using var client = SiteAccounts.Client(site.BaseAddress);
        for (var i = 1; i < AccountRules.LockoutAttempts; i++)
        {
            var wrong = await client.SignInAsync(email, "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Wrong e-mail or password", await wrong.Content.ReadAsStringAsync());
        }

        var last = await client.SignInAsync(email, "not the password at all");
        Assert.Contains("locked for 15 minutes", await last.Content.ReadAsStringAsync());
        var right = await client.SignInAsync(email, SiteAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", await right.Content.ReadAsStringAsync());

        await using var db = site.CreateContext();
        var account = await db.Users.SingleAsync(a => a.Email == email);
        Assert.True(account.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Reading_needs_no_account_and_account_pages_send_a_stranger_to_sign_in()
    {
        using var client = SiteAccounts.Client(site.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/stories")).StatusCode);
        foreach (var path in new[] { "/accounts", "/accounts/tokens", "/accounts/password" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/accounts/sign-in", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task An_admin_creates_an_account_whose_generated_password_works_once_changed_and_can_demote_and_disable_it()
    {
        using var admin = await site.SignedInClientAsync(await site.AccountAsync(Role.Admin));
        var newcomer = $"newcomer-{Guid.NewGuid():N}@test.example";
        var token = await admin.AntiforgeryTokenAsync("/accounts");
        var created = await admin.PostFormAsync("/accounts?handler=Create", token, ("Email", newcomer), ("Role", Role.Editor));
        var html = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.OK, html);
        var password = System.Text.RegularExpressions.Regex.Match(html, "<code class=\"token\">([^<]+)</code>").Groups[1].Value;
        Assert.Equal(20, password.Length);
        Assert.DoesNotContain(password, await admin.GetStringAsync("/accounts")); // shown once

        // The generated password signs in, and sends its owner to choose their own.
        using var owner = SiteAccounts.Client(site.BaseAddress);
        var first = await owner.SignInAsync(newcomer, password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/accounts/password", first.Headers.Location!.OriginalString);
        var change = await owner.PostFormAsync("/accounts/password", await owner.AntiforgeryTokenAsync("/accounts/password"),
            ("Form.Current", password), ("Form.New", "a newsroom of my own"), ("Form.Repeat", "a newsroom of my own"));
        Assert.Contains("Password changed", await change.Content.ReadAsStringAsync());
        await using (var db = site.CreateContext())
        {
            Assert.False((await db.Users.SingleAsync(a => a.Email == newcomer)).PasswordChangeRequired);
        }

        // An editor is not an admin.
        Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/accounts")).StatusCode);

        token = await admin.AntiforgeryTokenAsync("/accounts");
        foreach (var (handler, fields) in new[] { ("Role", new[] { ("Email", newcomer), ("Role", Role.Reader) }), ("Disable", [("Email", newcomer)]) })
        {
            var changed = await admin.PostFormAsync($"/accounts?handler={handler}", token, fields);
            var page = await changed.Content.ReadAsStringAsync();
            Assert.True(changed.StatusCode == HttpStatusCode.OK, page[page.IndexOf("<main", StringComparison.Ordinal)..]);
        }

        using var again = SiteAccounts.Client(site.BaseAddress);
        var refused = await again.SignInAsync(newcomer, "a newsroom of my own");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("disabled", await refused.Content.ReadAsStringAsync());

        await using var check = site.CreateContext();
        var account = await check.Users.SingleAsync(a => a.Email == newcomer);
        Assert.NotNull(account.DisabledAt);
        var roles = await check.UserRoles.Where(r => r.UserId == account.Id).Join(check.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Equal([Role.Reader], roles);
    }

    [Fact]
    public async Task A_token_made_in_the_site_is_shown_once_works_on_the_api_and_stops_when_revoked()
    {
        var email = await site.AccountAsync(Role.Editor);
        using var browser = await site.SignedInClientAsync(email);
        var made = await browser.PostFormAsync("/accounts/tokens?handler=Create", await browser.AntiforgeryTokenAsync("/accounts/tokens"), ("Name", "script"));
        var html = await made.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "<code class=\"token\">(ku_[^<]+)</code>").Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.DoesNotContain(token, await browser.GetStringAsync("/accounts/tokens"));

        await using (var db = site.CreateContext())
        {
            var row = await db.ApiTokens.SingleAsync(t => t.Account!.Email == email);
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)), row.Hash);
            Assert.DoesNotContain(token, await db.ApiTokens.Select(t => t.Prefix).ToListAsync());
        }

        using var api = site.CreateClient();
        api.UseBearer(token);
        using (var me = JsonDocument.Parse(await api.GetStringAsync("/api/me")))
        {
            Assert.Equal(email, me.RootElement.GetProperty("email").GetString());
            Assert.Equal([Role.Editor], me.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        }

        long id;
        await using (var db = site.CreateContext())
        {
            id = await db.ApiTokens.Where(t => t.Account!.Email == email).Select(t => t.Id).SingleAsync();
            Assert.NotNull(await db.ApiTokens.Where(t => t.Id == id).Select(t => t.LastUsedAt).SingleAsync());
        }

        // Another account cannot revoke it.
        using var stranger = await site.SignedInClientAsync(await site.AccountAsync(Role.Admin));
        var foreign = await stranger.PostFormAsync($"/accounts/tokens?handler=Revoke&id={id}", await stranger.AntiforgeryTokenAsync("/accounts/tokens"));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me")).StatusCode);

        var revoked = await browser.PostFormAsync($"/accounts/tokens?handler=Revoke&id={id}", await browser.AntiforgeryTokenAsync("/accounts/tokens"));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var refused = await api.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("revoked", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_disabled_accounts_tokens_stop_at_once()
    {
        var token = await site.TokenAsync(Role.Editor);
        using var api = site.CreateClient();
        api.UseBearer(token);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/me");
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountAdministration>().DisableAsync(me.GetProperty("email").GetString()!);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me")).StatusCode);
    }
}

/// <summary>A site allowing three sign-in attempts a minute per address.</summary>
public sealed class RateLimitedSiteFixture : SiteFixture
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Accounts:SignInAttemptsPerMinute", "3");
}

public sealed class SignInRateLimitTests(RateLimitedSiteFixture site) : IClassFixture<RateLimitedSiteFixture>
{
    [Fact]
    public async Task The_fourth_sign_in_attempt_of_a_minute_from_one_address_gets_429_while_the_form_still_shows()
    {
        using var client = SiteAccounts.Client(site.BaseAddress);
        var token = await client.AntiforgeryTokenAsync("/accounts/sign-in");
        for (var i = 0; i < 3; i++)
        {
            var attempt = await client.PostFormAsync("/accounts/sign-in", token, ("Form.Email", $"nobody{i}@test.example"), ("Form.Password", "guess guess guess"));
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        var refused = await client.PostFormAsync("/accounts/sign-in", token, ("Form.Email", "nobody@test.example"), ("Form.Password", "guess guess guess"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many sign-in attempts from your address", await refused.Content.ReadAsStringAsync());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/accounts/sign-in")).StatusCode);
    }
}
