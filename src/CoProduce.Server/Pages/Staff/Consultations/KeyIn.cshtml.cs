using CoProduce.Core.Authoring;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Core.Staff;
using CoProduce.Server.Authoring;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Consultations;

/// <summary>
/// Staff key in a response received by e-mail or post: every question on one page, drawn with the
/// respondent pages' partials, plus the channel, the date it arrived and the respondent's choices.
/// A mistake keeps everything typed.
/// </summary>
public sealed class KeyInModel(Text text, GetStaffConsultation get, KeyInResponse keyIn, TimeProvider time) : AuthoringPageModel(text)
{
    public Consultation Consultation { get; private set; } = null!; // Set before rendering.

    public IReadOnlyList<SectionForm> Sections { get; private set; } = [];

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public UkDateTimeInput ReceivedOn { get; set; } = new();

    [BindProperty]
    public bool AsOrganisation { get; set; }

    [BindProperty]
    public string? OrganisationName { get; set; }

    [BindProperty]
    public bool MayQuote { get; set; }

    [BindProperty]
    public bool DoNotPublish { get; set; }

    /// <summary>The receipt code to send back, after a successful save.</summary>
    public string? ReceiptCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        ReceivedOn = UkDateTimeInput.From(time.GetUtcNow());
        Layout(new Dictionary<string, IReadOnlyList<string>>());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var values = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var section in Consultation.Sections)
        {
            foreach (var (key, value) in SectionForm.ReadPosted(section, Request.Form))
            {
                values[key] = value;
            }
        }

        if (!Enum.TryParse<ResponseChannel>(Channel, out var channel) || channel == ResponseChannel.Online)
        {
            AddError("Channel", "Authoring.Error.Choose");
        }

        var received = ReceivedOn.ToDate();
        if (received is null)
        {
            AddError("ReceivedOn-Day", "Authoring.Error.DateTime");
        }

        if (Errors.Any || received is null)
        {
            Layout(values);
            return Page();
        }

        var choices = new RespondentChoices
        {
            RespondingAs = AsOrganisation ? RespondingAs.Organisation : RespondingAs.Anonymous,
            OrganisationName = AsOrganisation && !string.IsNullOrWhiteSpace(OrganisationName) ? OrganisationName.Trim() : null,
            MayQuote = MayQuote,
            DoNotPublishNameOrAddress = DoNotPublish,
        };
        var saved = await keyIn.HandleAsync(Actor, new KeyInResponseRequest(Consultation.Id, channel, received.Value, choices, values), ct);
        if (saved.IsFailure)
        {
            if (Refusal(saved.Errors) is { } refused)
            {
                return refused;
            }

            ShowErrors(saved.Errors, e => e.Path == nameof(KeyInResponseRequest.ReceivedOn) ? "ReceivedOn-Day" : e.Path);
            Layout(values);
            return Page();
        }

        ReceiptCode = saved.Value.ReceiptCode.Display;
        return Page();
    }

    private void Layout(IReadOnlyDictionary<string, IReadOnlyList<string>> values) =>
        Sections = Consultation.Sections.Select(s => new SectionForm(s, _ => true, values, Errors)).ToArray();

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await get.HandleAsync(Actor, new ConsultationId(id), ct);
        if (found.IsFailure)
        {
            return Refusal(found.Errors) ?? NotFound();
        }

        if (!found.Value.Can(ConsultationPermission.KeyInResponses))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Consultation = found.Value.Consultation;
        return null;
    }
}
