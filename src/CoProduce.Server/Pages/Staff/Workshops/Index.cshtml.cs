using CoProduce.Core.Workshops;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduce.Server.Pages.Staff.Workshops;

/// <summary>The workshops this facilitator runs.</summary>
public sealed class IndexModel(ICurrentStaff staff, ListWorkshops list) : PageModel
{
    public IReadOnlyList<Workshop> Workshops { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (staff.Actor is not { } actor)
        {
            return NotFound();
        }

        Workshops = await list.HandleAsync(actor, cancellationToken);
        return Page();
    }
}
