using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduce.Server.Pages.Staff;

/// <summary>Signs out (POST only, with the antiforgery token); GET shows the signed-out page.</summary>
[AllowAnonymous]
public sealed class SignOutModel(StaffSignInManager signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage();
    }
}
