using CoProduce.Core.Authoring;
using CoProduce.Core.Consultations;
using CoProduce.Server.Authoring;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

/// <summary>The readiness check: every missing English or Welsh text and other blocker, with where to fix it.</summary>
public sealed class ReadinessModel(Text text, CheckConsultationReadiness check) : AuthoringPageModel(text)
{
    public Consultation Consultation { get; private set; } = null!; // Set before rendering.

    public IReadOnlyList<ReadinessItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var report = await check.HandleAsync(Actor, new ConsultationId(id), ct);
        if (report.IsFailure)
        {
            return Refusal(report.Errors) ?? NotFound();
        }

        Consultation = report.Value.Consultation;
        Items = report.Value.Problems.Select(p => ReadinessDescriber.Describe(p, Consultation, T)).ToArray();
        return Page();
    }
}
