using System.Net;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.Core.Workshops;
using CoProduce.Server.Security;
using CoProduce.Server.Tests.Hubs;
using CoProduce.Server.Workshops;
using CoProduce.Testing;

namespace CoProduce.Server.Tests.Security;

public sealed class DataProtectionKeysTestsSqlite(SqliteTestDatabase database) : DataProtectionKeysTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class DataProtectionKeysTestsPostgres(PostgresTestDatabase database) : DataProtectionKeysTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// A restart (a second server instance over the same data folder and database) keeps staff signed in, keeps
/// participants in their seats and accepts forms served before it: the data-protection keys are in the data folder.
/// </summary>
public abstract class DataProtectionKeysTests(TestDatabase database)
{
    private static readonly ActivityDraft Poll = new(ActivityKind.Poll, new LocalizedText("Where?", "Ble?"), Options: [new("Town", "Tref"), new("Online", "Ar-lein")]);

    [Fact]
    public async Task SecondInstance_SameDataFolder_AcceptsFirstInstancesCookiesAndForms()
    {
        string staffCookie;
        string seatCookie;
        string formCookies;
        string formToken;
        await using (var first = new HubServer(database))
        {
            var facilitator = await first.NewStaffAsync(StaffRoles.Facilitator);
            staffCookie = await first.SignInAsync(facilitator);
            var (workshop, _) = await first.LiveWorkshopAsync(facilitator, Poll);
            seatCookie = $"{ParticipantCookie.Name}={(await first.JoinAsync(workshop.JoinCode, "Rowan")).SessionToken.Value}";
            (formCookies, formToken) = await JoinFormAsync(first);
        }

        var keys = new DataProtectionKeyOptions().ResolveKeyDirectory(database.Options);
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));

        await using var second = new HubServer(database);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = second.BaseAddress };

        using var staffPage = await SendAsync(http, HttpMethod.Get, "/staff", staffCookie);
        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);

        using var livePage = await SendAsync(http, HttpMethod.Get, "/workshop/live", seatCookie);
        var live = await livePage.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, livePage.StatusCode);
        Assert.DoesNotContain("Join again with the workshop code", live, StringComparison.Ordinal);
        Assert.Contains("Hub test", live, StringComparison.Ordinal);

        // A form served by the first instance, posted to the second: its antiforgery token still validates
        // (an unknown code is a page with a localised error, not the 400 of a failed token).
        using var posted = await SendAsync(http, HttpMethod.Post, "/workshop", formCookies, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "ZZZZZZ",
            ["language"] = "en",
            ["__RequestVerificationToken"] = formToken,
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    [Fact]
    public async Task SecondInstance_OtherKeyFolder_RejectsStaffCookie()
    {
        // The check above can fail: without the first instance's keys the same cookie is refused.
        string staffCookie;
        await using (var first = new HubServer(database))
        {
            staffCookie = await first.SignInAsync(await first.NewStaffAsync(StaffRoles.Facilitator));
        }

        var otherKeys = "keys-" + Guid.NewGuid().ToString("N");
        await using var second = new HubServer(database, new Dictionary<string, string?> { ["DataProtection:KeyDirectory"] = otherKeys });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = second.BaseAddress };
        using var staffPage = await SendAsync(http, HttpMethod.Get, "/staff", staffCookie);
        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
    }

    private static async Task<(string Cookies, string Token)> JoinFormAsync(HubServer server)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server.BaseAddress };
        var form = await http.GetStringAsync("/workshop");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        return (cookies.GetCookieHeader(server.BaseAddress), token);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string cookie, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Cookie", cookie);
        return http.SendAsync(request);
    }
}
