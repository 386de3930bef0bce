using System.Net;
using System.Net.Http.Headers;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Staff;

/// <summary>API tokens: created on the page (shown once, stored hashed), accepted as bearer, revocable.</summary>
public sealed class ApiTokenTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Token_CreatedOnPage_AuthenticatesAsTheSamePersonUntilRevoked()
    {
        var (user, email) = await factory.AddStaffAsync(StaffRoles.Commissioner);
        var browser = factory.Browser();
        await browser.SignInAsync(email);
        await browser.GetAsync("/staff/account/api-tokens");
        await browser.PostAsync("/staff/account/api-tokens?handler=Create", ("name", "report script"));
        var token = browser.Shown("new-token") ?? throw new InvalidOperationException("No token shown.");
        Assert.StartsWith("cpt_", token, StringComparison.Ordinal);
        Assert.True(token.Length >= 4 + 43, "256 bits in base64url");

        var (status, html) = await GetWithBearerAsync("/staff", token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Test Commissioner", html, StringComparison.Ordinal);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            var stored = await db.ApiTokens.SingleAsync(t => t.UserId == user);
            Assert.Equal(32, stored.TokenHash.Length);
            Assert.NotNull(stored.LastUsedOn);
            Assert.DoesNotContain(token, System.Text.Encoding.UTF8.GetString(stored.TokenHash), StringComparison.Ordinal);
        }

        await browser.GetAsync("/staff/account/api-tokens");
        Assert.Null(browser.Shown("new-token"));
        var id = System.Text.RegularExpressions.Regex.Match(browser.Html, "[?&;]id=([0-9a-f-]{36})").Groups[1].Value;
        await browser.PostAsync($"/staff/account/api-tokens?handler=Revoke&id={id}");
        Assert.Contains("Revoked", browser.Html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithBearerAsync("/staff", token)).Status);
    }

    [Fact]
    public async Task Token_OfDisabledAccount_IsRefused()
    {
        var (_, adminEmail) = await factory.AddStaffAsync(StaffRoles.Administrator);
        var (user, email) = await factory.AddStaffAsync(StaffRoles.Analyst);
        string token;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var actor = new StaffActor(user, default, StaffRoles.Analyst, "x");
            token = (await scope.ServiceProvider.GetRequiredService<CreateApiToken>().HandleAsync(actor, new CreateApiTokenRequest("t"))).Value.Token;
        }

        Assert.Equal(HttpStatusCode.OK, (await GetWithBearerAsync("/staff", token)).Status);
        var admin = factory.Browser();
        await admin.SignInAsync(adminEmail);
        await admin.GetAsync($"/staff/admin/users/{user.Value}");
        await admin.PostAsync($"/staff/admin/users/{user.Value}?handler=Disable");

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithBearerAsync("/staff", token)).Status);
        Assert.NotEqual("", email);
    }

    [Theory]
    [InlineData("cpt_not-a-real-token")]
    [InlineData("something else")]
    [InlineData("")]
    public async Task Token_UnknownOrMalformed_IsUnauthorizedWithoutRedirect(string token)
    {
        var (status, _) = await GetWithBearerAsync("/staff", token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task CreateToken_EmptyName_ShowsLocalisedError()
    {
        var (_, email) = await factory.AddStaffAsync(StaffRoles.Facilitator);
        var browser = factory.Browser();
        await browser.SignInAsync(email, prefix: "/cy");
        await browser.GetAsync("/cy/staff/account/api-tokens");

        await browser.PostAsync("/cy/staff/account/api-tokens?handler=Create", ("name", "  "));

        Assert.Equal(["Rhowch enw ar gyfer y tocyn."], browser.ErrorSummary());
    }

    private async Task<(HttpStatusCode Status, string Html)> GetWithBearerAsync(string path, string token)
    {
        using var client = factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Length == 0 ? " " : token);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
