using System.ComponentModel.DataAnnotations;
using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KazakhUnrest.Web.Accounts;

[AllowAnonymous]
[EnableRateLimiting(AccountsExtensions.SignInRateLimit)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SignInModel(SignInManager<Account> signIn, IOptions<AccountOptions> options, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public SignInForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Form.Email.Trim(), Form.Password, Form.KeepSignedIn, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Signed in {Email}", Form.Email);
            var account = await signIn.UserManager.FindByEmailAsync(Form.Email.Trim());
            if (account?.PasswordChangeRequired == true)
            {
                return RedirectToPage("/Accounts/Password", new { first = true });
            }

            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        logger.LogWarning("Sign-in refused for {Email}: {Reason}", Form.Email, result.IsLockedOut ? "locked out" : "wrong password, unknown or disabled");
        Problem = result.IsLockedOut
            ? $"Too many wrong passwords: this account is locked for {options.Value.LockoutMinutes} minutes."
            // One message for a wrong password, an unknown address and a disabled account: the form does not say which accounts exist.
            : "Wrong e-mail or password, or the account is disabled.";
        return Page();
    }

    public sealed class SignInForm
    {
        [Required, EmailAddress, Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool KeepSignedIn { get; set; }
    }
}
