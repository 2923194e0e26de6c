using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using KazakhUnrest.Core.Accounts;
using KazakhUnrest.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace KazakhUnrest.IntegrationTests.Infrastructure;

/// <summary>Accounts, API tokens and signed-in clients for site tests, made with the site's own services.</summary>
internal static partial class SiteAccounts
{
    public const string Password = "correct horse battery staple";

    /// <summary>An account with this role and <see cref="Password"/>; returns its e-mail address.</summary>
    public static async Task<string> AccountAsync(this SiteFixture site, string role, string? email = null)
    {
        email ??= $"{role}-{Guid.NewGuid():N}@test.example";
        await using var scope = site.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountAdministration>().CreateAsync(email, role, Password);
        return email;
    }

    /// <summary>A personal API token of a new account with this role.</summary>
    public static async Task<string> TokenAsync(this SiteFixture site, string role)
    {
        var email = await site.AccountAsync(role);
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Data.Account>>();
        var account = await users.FindByEmailAsync(email);
        var (text, row) = ApiTokenAuthentication.Issue(account!.Id, "test", DateTimeOffset.UtcNow);
        var db = services.GetRequiredService<Core.Data.KazakhDbContext>();
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync();
        return text;
    }

    /// <summary>
    /// A client that keeps cookies itself and follows no redirects. HttpClient's cookie container never sends a
    /// Secure cookie over http, and the test site runs outside Development on loopback http, where the site marks
    /// every cookie Secure.
    /// </summary>
    public static HttpClient Client(Uri baseAddress, CookieJar? jar = null) =>
        new(new CookieJarHandler(jar ?? new CookieJar())) { BaseAddress = baseAddress };

    public static async Task<HttpClient> SignedInClientAsync(this SiteFixture site, string email, string password = Password)
    {
        var client = Client(site.BaseAddress);
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var token = await client.AntiforgeryTokenAsync("/accounts/sign-in");
        return await client.PostFormAsync("/accounts/sign-in", token, ("Form.Email", email), ("Form.Password", password));
    }

    /// <summary>The antiforgery token of the first form on the page (its cookie goes into the client's jar).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return AntiforgeryField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"no antiforgery token on {path}");
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string? antiforgeryToken, params (string Name, string Value)[] fields)
    {
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (antiforgeryToken is not null)
        {
            all.Add(new("__RequestVerificationToken", antiforgeryToken));
        }

        return client.PostAsync(path, new FormUrlEncodedContent(all));
    }

    public static void UseBearer(this HttpClient client, string token) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>Cookies by name, with the attributes of the last Set-Cookie for each (to check HttpOnly, SameSite, Secure).</summary>
    public sealed class CookieJar
    {
        public Dictionary<string, string> Values { get; } = [];
        public Dictionary<string, string> SetCookieHeaders { get; } = [];
    }

    private sealed class CookieJarHandler(CookieJar jar) : DelegatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (jar.Values.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", jar.Values.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    var pair = cookie.Split(';', 2)[0];
                    var eq = pair.IndexOf('=');
                    var (name, value) = (pair[..eq], pair[(eq + 1)..]);
                    jar.SetCookieHeaders[name] = cookie;
                    if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    {
                        jar.Values.Remove(name);
                    }
                    else
                    {
                        jar.Values[name] = value;
                    }
                }
            }

            return response;
        }
    }
}
