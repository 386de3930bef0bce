using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Storage;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Pages.Staff.Admin;

/// <summary>Add an organisation, or change any of its attributes.</summary>
public sealed class OrganisationModel(SaveOrganisation save, CoProduceDbContext db, Text text) : StaffPageModel(text)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    public SaveOrganisationRequest Form { get; private set; } =
        new(null, "", OrganisationKind.SpecialistService, Jurisdiction.England, false, false, [], false, "", WelshLanguageOffer.None, false);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var organisationId = new OrganisationId(id);
            var o = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == organisationId, ct);
            if (o is null)
            {
                return NotFound();
            }

            Form = new(o.Id, o.Name, o.Kind, o.Jurisdiction, o.IsSpecialist, o.IsByAndFor, o.CommunitiesServed, o.IsSmallOrSme, o.Area, o.WelshLanguageOffer, o.IsVerified);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var form = Request.Form;
        Form = new SaveOrganisationRequest(
            Id is { } id ? new OrganisationId(id) : null,
            form["name"].ToString(),
            Enum.TryParse<OrganisationKind>(form["kind"], out var kind) ? kind : (OrganisationKind)(-1),
            Enum.TryParse<Jurisdiction>(form["jurisdiction"], out var jurisdiction) ? jurisdiction : (Jurisdiction)(-1),
            form["specialist"] == "true",
            form["by-and-for"] == "true",
            form["communities"].ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(50).ToList(),
            form["small"] == "true",
            form["area"].ToString(),
            Enum.TryParse<WelshLanguageOffer>(form["welsh"], out var welsh) ? welsh : WelshLanguageOffer.None,
            form["verified"] == "true");
        var result = await save.HandleAsync(Actor, Form, ct);
        if (result.IsSuccess)
        {
            return RedirectToPage("/Staff/Admin/Organisations");
        }

        if (Refusal(result.Errors) is { } refusal)
        {
            return refusal;
        }

        AddErrors(result.Errors);
        return Page();
    }
}
