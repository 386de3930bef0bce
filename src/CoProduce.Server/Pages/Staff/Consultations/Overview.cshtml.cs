using CoProduce.Core.Authoring;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Core.Staff;
using CoProduce.Server.Authoring;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

public sealed class OverviewModel(Text text, GetStaffConsultation get, CountResponses count) : AuthoringPageModel(text)
{
    public StaffConsultationView View { get; private set; } = null!; // Set by OnGetAsync before rendering.

    public ResponseCounts? Counts { get; private set; }

    /// <summary>The lifecycle actions to offer: possible in this status and allowed to this person.</summary>
    public IReadOnlyList<LifecycleAction> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await get.HandleAsync(Actor, new ConsultationId(id), ct);
        if (found.IsFailure)
        {
            return Refusal(found.Errors) ?? NotFound();
        }

        View = found.Value;
        Actions = LifecycleActions.For(View.Consultation, View.Status)
            .Where(a => View.Can(a == LifecycleAction.Approve ? ConsultationPermission.Approve : ConsultationPermission.ManageLifecycle))
            .ToArray();
        if (View.Can(ConsultationPermission.ReadResponses))
        {
            var counted = await count.HandleAsync(Actor, View.Consultation.Id, ct);
            Counts = counted.IsSuccess ? counted.Value : null;
        }

        return Page();
    }
}
