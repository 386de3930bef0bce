using CoProduce.Core.Authoring;
using CoProduce.Core.Staff;
using CoProduce.Server.Authoring;
using CoProduce.Server.Localisation;

namespace CoProduce.Server.Pages.Staff.Consultations;

public sealed class IndexModel(Text text, ListStaffConsultations list) : AuthoringPageModel(text)
{
    public IReadOnlyList<StaffConsultationSummary> Consultations { get; private set; } = [];

    public bool IncludeArchived { get; private set; }

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(bool archived = false, CancellationToken ct = default)
    {
        IncludeArchived = archived;
        CanCreate = Actor.Has(StaffRoles.Commissioner) || Actor.Has(StaffRoles.Administrator);
        Consultations = await list.HandleAsync(Actor, new ListStaffConsultationsRequest(archived), ct);
    }
}
