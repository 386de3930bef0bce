using CoProduce.Core.Authoring;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Server.Authoring;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

/// <summary>Confirms a lifecycle action, then calls its use case.</summary>
public sealed class LifecycleModel(Text text, GetStaffConsultation get, IServiceProvider services, TimeProvider time) : AuthoringPageModel(text)
{
    public StaffConsultationView View { get; private set; } = null!; // Set before rendering.

    public LifecycleAction Action { get; private set; }

    public bool NeedsDate => LifecycleActions.NeedsClosingDate(Action);

    [BindProperty]
    public UkDateTimeInput NewClosesAt { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string move, CancellationToken ct)
    {
        if (await LoadAsync(id, move, ct) is { } refusal)
        {
            return refusal;
        }

        var now = time.GetUtcNow();
        var suggested = (View.Consultation.ClosesAt > now ? View.Consultation.ClosesAt : now).AddDays(14);
        NewClosesAt = UkDateTimeInput.From(suggested);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string move, CancellationToken ct)
    {
        if (await LoadAsync(id, move, ct) is { } refusal)
        {
            return refusal;
        }

        var consultationId = new ConsultationId(id);
        DateTimeOffset newClosesAt = default;
        if (NeedsDate)
        {
            if (NewClosesAt.ToInstant() is not { } instant)
            {
                AddError("NewClosesAt-Day", "Authoring.Error.DateTime");
                return Page();
            }

            newClosesAt = instant;
        }

        var result = Action switch
        {
            LifecycleAction.Submit => await services.GetRequiredService<SubmitConsultationForApproval>().HandleAsync(Actor, new(consultationId), ct),
            LifecycleAction.Approve => await services.GetRequiredService<ApproveConsultation>().HandleAsync(Actor, new(consultationId), ct),
            LifecycleAction.ReturnToDraft => await services.GetRequiredService<ReturnConsultationToDraft>().HandleAsync(Actor, new(consultationId), ct),
            LifecycleAction.Schedule => await services.GetRequiredService<ScheduleConsultation>().HandleAsync(Actor, new(consultationId), ct),
            LifecycleAction.Open => await services.GetRequiredService<OpenConsultationNow>().HandleAsync(Actor, new(consultationId), ct),
            LifecycleAction.Close => await services.GetRequiredService<CloseConsultationEarly>().HandleAsync(Actor, new(consultationId), ct),
            LifecycleAction.Extend => await services.GetRequiredService<ExtendConsultationClosingDate>().HandleAsync(Actor, new(consultationId, newClosesAt), ct),
            LifecycleAction.Reopen => await services.GetRequiredService<ReopenConsultation>().HandleAsync(Actor, new(consultationId, newClosesAt), ct),
            _ => await services.GetRequiredService<ArchiveConsultation>().HandleAsync(Actor, new(consultationId), ct),
        };
        if (result.IsSuccess)
        {
            return RedirectToPage(AuthoringPages.Overview, new { id });
        }

        if (Refusal(result.Errors) is { } refused)
        {
            return refused;
        }

        // Not ready: the first error says so; the readiness page lists the rest with their places.
        ShowErrors(result.Errors.Take(1), e => e.Path == "closesAt" && NeedsDate ? "NewClosesAt-Day" : null);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string move, CancellationToken ct)
    {
        if (LifecycleActions.Parse(move) is not { } parsed)
        {
            return NotFound();
        }

        Action = parsed;
        var found = await get.HandleAsync(Actor, new ConsultationId(id), ct);
        if (found.IsFailure)
        {
            return Refusal(found.Errors) ?? NotFound();
        }

        View = found.Value;
        return null;
    }
}
