using CoProduce.Core.Authoring;
using CoProduce.Core.Staff;
using CoProduce.Server.Authoring;
using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;

namespace CoProduce.Server.Pages.Staff.Consultations;

public sealed class IndexModel(ICurrentStaff staff, Text text, ListStaffConsultations list) : AuthoringPageModel(staff, text)
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
