using CoProduce.Core.Storage;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Pages.Staff;

/// <summary>The staff home page: who is signed in, in which organisation, with which roles.</summary>
public sealed class IndexModel(CoProduceDbContext db, Text text) : StaffPageModel(text)
{
    public string OrganisationName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organisation = Actor.OrganisationId;
        OrganisationName = await db.Organisations.Where(o => o.Id == organisation).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
    }
}
