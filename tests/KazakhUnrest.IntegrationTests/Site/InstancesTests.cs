using System.Net;
using KazakhUnrest.Core.Data;
using KazakhUnrest.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KazakhUnrest.IntegrationTests.Site;

/// <summary>Several site instances on one database behave as one: nothing about a session lives in one process.</summary>
public sealed class InstancesTests(AccountSiteFixture site) : IClassFixture<AccountSiteFixture>
{
    [Fact]
    public async Task A_sign_in_on_one_instance_is_valid_on_another_and_on_one_started_later()
    {
        var email = await site.AccountAsync(Role.Editor);
        var jar = new SiteAccounts.CookieJar();
        using var onFirst = SiteAccounts.Client(site.BaseAddress, jar);
        Assert.Equal(HttpStatusCode.Redirect, (await onFirst.SignInAsync(email, SiteAccounts.Password)).StatusCode);
        var formToken = await onFirst.AntiforgeryTokenAsync("/accounts/tokens");

        var (second, secondAddress) = site.StartInstance();
        await using (second)
        {
            using var onSecond = SiteAccounts.Client(secondAddress, jar);
            var page = await onSecond.GetAsync("/accounts/tokens");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(email, await page.Content.ReadAsStringAsync());
            // The first instance's antiforgery token is good on the second too.
            var made = await onSecond.PostFormAsync("/accounts/tokens?handler=Create", formToken, ("Name", "from the second instance"));
            Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        }

        // A restarted instance (a new process would read the same keys from the same table).
        var (third, thirdAddress) = site.StartInstance();
        await using (third)
        {
            using var onThird = SiteAccounts.Client(thirdAddress, jar);
            Assert.Contains(email, await onThird.GetStringAsync("/accounts/tokens"));
        }

        await using var db = site.CreateContext();
        Assert.Equal(1, await db.ApiTokens.CountAsync(t => t.Name == "from the second instance"));
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }
}
