using System.ComponentModel.DataAnnotations;
using KazakhUnrest.Core.Accounts;
using KazakhUnrest.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KazakhUnrest.Web.Accounts;

/// <summary>Changing one's own password; also where a generated password is replaced after the first sign-in.</summary>
[Authorize]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PasswordModel(SignInManager<Account> signIn) : PageModel
{
    [BindProperty]
    public PasswordForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool First { get; set; }

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var account = await signIn.UserManager.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }

        var result = await signIn.UserManager.ChangePasswordAsync(account, Form.Current, Form.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        account.PasswordChangeRequired = false;
        await signIn.UserManager.UpdateAsync(account);
        // The change gave the account a new security stamp: its other sessions end at their next check, this one goes on.
        await signIn.RefreshSignInAsync(account);
        (Changed, First) = (true, false);
        return Page();
    }

    public sealed class PasswordForm
    {
        [Required, DataType(DataType.Password), Display(Name = "Current password")]
        public string Current { get; set; } = "";

        [Required, DataType(DataType.Password), Display(Name = "New password")]
        [StringLength(200, MinimumLength = AccountRules.MinimumPasswordLength, ErrorMessage = "The new password needs at least {2} characters.")]
        public string New { get; set; } = "";

        [Required, DataType(DataType.Password), Display(Name = "New password again")]
        [Compare(nameof(New), ErrorMessage = "The two new passwords differ.")]
        public string Repeat { get; set; } = "";
    }
}
