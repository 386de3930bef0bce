using CoProduce.Core.Consultations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduce.Server.Pages.Consultations;

public sealed class IndexModel(ListOpenConsultations list) : PageModel
{
    public IReadOnlyList<ConsultationSummary> Consultations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Consultations = await list.HandleAsync(cancellationToken);
}
