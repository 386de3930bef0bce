using CoProduce.Core.Staff;
using CoProduce.Server.Tests.Hubs;
using CoProduce.Server.Tests.Journey;
using CoProduce.Server.Tests.Staff;
using CoProduce.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoProduce.Server.Tests.Pages.Staff;

/// <summary>
/// The real server on a test database with a facilitator account, and browsers without JavaScript
/// that sign staff in through the sign-in form (workshop and framework page tests).
/// </summary>
public abstract class WorkshopStaffPagesTestBase(TestDatabase database) : IAsyncLifetime
{
    private HubServer? _server;

    protected HubServer Server => _server ??= new HubServer(database);

    /// <summary>Set in <see cref="InitializeAsync"/>, before any test runs.</summary>
    protected TestStaff Facilitator { get; private set; } = null!;

    public async Task InitializeAsync() => Facilitator = await Server.NewStaffAsync(StaffRoles.Facilitator);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected JourneyClient Browser() =>
        new(Server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true, BaseAddress = Server.BaseAddress }));

    protected async Task<JourneyClient> SignedInAsync(TestStaff? staff = null)
    {
        var browser = Browser();
        await browser.SignInAsync((staff ?? Facilitator).Email);
        return browser;
    }
}
