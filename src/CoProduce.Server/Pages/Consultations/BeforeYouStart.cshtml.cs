using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduce.Server.Pages.Consultations;

public sealed class BeforeYouStartModel(GetConsultation get, StartResponse start, TimeProvider time, Text text) : PageModel
{
    public Consultation Consultation { get; private set; } = null!; // Set by LoadAsync before the page renders.

    public bool IsOpen { get; private set; }

    public int QuestionCount { get; private set; }

    public PageErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken) =>
        await LoadAsync(reference, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string reference, CancellationToken cancellationToken)
    {
        var started = await start.HandleAsync(reference, cancellationToken);
        if (started.TryGetValue(out var response))
        {
            DraftCookie.Write(HttpContext, response.SessionToken);
            return response.FirstSectionId is { } first
                ? RedirectToPage(JourneyPages.Section, new { sectionId = first.Value })
                : RedirectToPage(JourneyPages.AboutYou);
        }

        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }

        foreach (var error in started.Errors)
        {
            Errors.Add(FieldError.From(error with { Path = null }, text));
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        var found = await get.HandleAsync(reference, cancellationToken);
        if (!found.TryGetValue(out var consultation))
        {
            return false;
        }

        Consultation = consultation;
        IsOpen = consultation.IsAcceptingResponses(time.GetUtcNow());
        QuestionCount = consultation.Sections.Sum(s => s.Questions.Count);
        if (!IsOpen && !Errors.Any)
        {
            Errors.Add(FieldError.From(new Error(ErrorCodes.ConsultationNotOpen), text));
        }

        return true;
    }
}
