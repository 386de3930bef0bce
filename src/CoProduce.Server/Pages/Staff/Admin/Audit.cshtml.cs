using CoProduce.Core.Staff;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Server.Pages.Staff.Admin;

/// <summary>The audit log of staff actions, newest first, read-only.</summary>
public sealed class AuditModel(ListAuditEntries list, StaffAccounts accounts, Text text) : StaffPageModel(text)
{
    private Dictionary<StaffUserId, string> _names = [];

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool HasMore { get; private set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public string Name(StaffUserId id) => _names.GetValueOrDefault(id, id.ToString());

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await list.HandleAsync(Actor, PageNumber, ct);
        if (Refusal(result.Errors) is { } refusal)
        {
            return refusal;
        }

        Entries = result.Value.Entries;
        PageNumber = result.Value.Page;
        HasMore = result.Value.HasMore;
        _names = (await accounts.ListAsync(ct)).ToDictionary(u => u.Id, u => u.DisplayName);
        return Page();
    }
}
