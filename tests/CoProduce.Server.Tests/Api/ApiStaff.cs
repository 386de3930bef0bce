using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Server.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Api;

/// <summary>Real staff accounts with real API tokens, made through the same use cases as the staff pages.</summary>
public static class ApiStaff
{
    public static async Task<(StaffActor Actor, string Token)> CreateAsync(IServiceProvider services, string name, OrganisationId organisation, StaffRoles roles)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.org";
        var created = await services.GetRequiredService<StaffAccounts>().CreateAsync(
            null, new CreateStaffUserRequest(email, name, organisation, roles), "Api-test-password-1234!");
        Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
        var actor = new StaffActor(created.Value.Id, organisation, roles, name);
        var token = await services.GetRequiredService<CreateApiToken>().HandleAsync(actor, new CreateApiTokenRequest("api test"));
        Assert.True(token.IsSuccess, string.Join("; ", token.Errors));
        return (actor, token.Value.Token);
    }
}
