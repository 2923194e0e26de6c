using System.ComponentModel.DataAnnotations;
using KazakhUnrest.Core.Accounts;
using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KazakhUnrest.Web.Accounts;

/// <summary>
/// Admins manage accounts here: create one with a role (a generated password, shown once, to hand over; the owner
/// replaces it at first sign-in), change a role, disable or enable. Nobody signs up by themselves.
/// </summary>
[Authorize(Policy = AccountPolicies.Admin)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class IndexModel(AccountAdministration accounts, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty, EmailAddress, Display(Name = "E-mail")]
    public string? Email { get; set; }

    /// <summary>Only the create and role forms send one; optional so the disable and enable forms are valid without it.</summary>
    [BindProperty]
    public string? Role { get; set; }

    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    /// <summary>The account just created and its generated password, shown once.</summary>
    public (string Email, string Password)? Created { get; private set; }

    public string? Done { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync() => Accounts = await accounts.ListAsync(HttpContext.RequestAborted);

    public Task<IActionResult> OnPostCreateAsync() => RunAsync(async email =>
    {
        var created = await accounts.CreateAsync(email, Role ?? "", password: null);
        Created = (created.Account.Email!, created.GeneratedPassword!);
        return $"Created {email} as {Role}.";
    });

    public Task<IActionResult> OnPostRoleAsync() => RunAsync(async email =>
    {
        await accounts.ChangeRoleAsync(email, Role ?? "");
        return $"{email} is now {Role}.";
    });

    public Task<IActionResult> OnPostDisableAsync() => RunAsync(async email =>
    {
        await accounts.DisableAsync(email);
        return $"{email} is disabled.";
    });

    public Task<IActionResult> OnPostEnableAsync() => RunAsync(async email =>
    {
        await accounts.EnableAsync(email);
        return $"{email} is enabled.";
    });

    private async Task<IActionResult> RunAsync(Func<string, Task<string>> change)
    {
        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(Email))
        {
            Problem = "Give a valid e-mail address.";
        }
        else
        {
            try
            {
                Done = await change(Email);
                logger.LogInformation("Accounts: {Change} by {Admin}", Done, Actor.Of(User).Email);
            }
            catch (AccountException e)
            {
                Problem = e.Message;
            }
        }

        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Accounts = await accounts.ListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
