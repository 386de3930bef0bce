using CoProduce.Server.Localisation;
using CoProduce.Server.Staff;

namespace CoProduce.Server.Pages.Staff.Account;

/// <summary>Links to the signed-in person's own settings.</summary>
public sealed class IndexModel(Text text) : StaffPageModel(text)
{
    public void OnGet()
    {
    }
}
