using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Pages.Staff.Admin;

/// <summary>Which analysts may read which consultation's responses.</summary>
public sealed class AnalystsModel(AssignAnalyst assign, ConsultationAccess access, StaffAccounts accounts, CoProduceDbContext db, Text text) : StaffPageModel(text)
{
    public sealed record ConsultationChoice(ConsultationId Id, string Reference, string Title);

    public sealed record Assignment(Guid ConsultationId, Guid AnalystId, string Consultation, string Analyst);

    public IReadOnlyList<ConsultationChoice> Consultations { get; private set; } = [];

    public IReadOnlyList<StaffUserSummary> Analysts { get; private set; } = [];

    public IReadOnlyList<Assignment> Assignments { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct) => await ChangeAsync(true, ct);

    public async Task<IActionResult> OnPostUnassignAsync(CancellationToken ct) => await ChangeAsync(false, ct);

    private async Task<IActionResult> ChangeAsync(bool add, CancellationToken ct)
    {
        var consultation = Guid.TryParse(Request.Query["consultation"].FirstOrDefault() ?? Request.Form["consultation"], out var c) ? c : Guid.Empty;
        var analyst = Guid.TryParse(Request.Query["analyst"].FirstOrDefault() ?? Request.Form["analyst"], out var a) ? a : Guid.Empty;
        var account = await accounts.FindAsync(new StaffUserId(analyst), ct);
        if (add && (account is null || (account.Roles & StaffRoles.Analyst) == 0))
        {
            return NotFound();
        }

        var result = await assign.HandleAsync(Actor, new ConsultationId(consultation), new StaffUserId(analyst), add, ct);
        return Refusal(result.Errors) ?? RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var culture = Text.IsWelsh;
        var visible = await access.VisibleTo(Actor).AsNoTracking().OrderBy(x => x.Reference).ToListAsync(ct);
        Consultations = visible.Select(x => new ConsultationChoice(x.Id, x.Reference, culture ? x.Details.Title.Cy : x.Details.Title.En)).ToList();
        var users = await accounts.ListAsync(ct);
        Analysts = users.Where(u => (u.Roles & StaffRoles.Analyst) != 0 && !u.IsDisabled).ToList();
        var names = users.ToDictionary(u => u.Id, u => u.DisplayName);
        var titles = Consultations.ToDictionary(x => x.Id, x => $"{x.Reference} – {x.Title}");
        var rows = await db.ConsultationAnalysts.AsNoTracking().ToListAsync(ct);
        Assignments = rows
            .Where(r => titles.ContainsKey(r.ConsultationId))
            .Select(r => new Assignment(r.ConsultationId.Value, r.UserId.Value, titles[r.ConsultationId], names.GetValueOrDefault(r.UserId, r.UserId.ToString())))
            .OrderBy(r => r.Consultation, StringComparer.Ordinal).ToList();
    }
}
