using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KazakhUnrest.Web.Shared;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }
    public string Title { get; private set; } = "Something went wrong";
    public string Explanation { get; private set; } = "The page could not be shown. The error has been logged.";

    public void OnGet(int? code) => Describe(code);

    // A form the framework cannot read (a NUL byte) leaves the code unbound; the re-executed response keeps its status.
    public void OnPost(int? code) => Describe(code ?? Response.StatusCode);

    private void Describe(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (code == 404)
        {
            Title = "Not found";
            Explanation = "There is nothing at this address. It may have been merged or removed.";
        }
        else if (code is >= 400 and < 500)
        {
            Title = "Request not understood";
            Explanation = HttpContext.Items[InputGuard.ProblemItem] is string problem
                ? $"The request could not be handled: {problem}."
                : $"The request could not be handled (HTTP {code}).";
        }
    }
}
