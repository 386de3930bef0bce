using System.Net;
using CoProduce.Core.Authoring;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Server.Pages.Staff;
using CoProduce.Server.Staff;
using CoProduce.Server.Tests.Journey;
using CoProduce.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Pages.Staff.Consultations;

public sealed class AuthoringPagesTestsSqlite(SqliteTestDatabase database) : AuthoringPagesTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class AuthoringPagesTestsPostgres(PostgresTestDatabase database) : AuthoringPagesTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// The authoring pages on the real server and database, signed in through the real sign-in page:
/// sign-in required, other organisations refused, antiforgery, bad input keeping what was typed,
/// user text never becoming markup.
/// </summary>
public abstract class AuthoringPagesTests(TestDatabase database) : JourneyTestBase(database), IAsyncLifetime
{
    private const string Password = "Correct-horse-battery-9";

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    private OrganisationId OrgA { get; } = OrganisationId.New();

    private OrganisationId OrgB { get; } = OrganisationId.New();

    private string AnnEmail => $"ann-{_suffix}@a.example";

    private string BeaEmail => $"bea-{_suffix}@b.example";

    public async Task InitializeAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduce.Core.Storage.CoProduceDbContext>();
        db.Organisations.Add(new Organisation(OrgA, $"A {_suffix}", OrganisationKind.CommissioningBody, Jurisdiction.Wales));
        db.Organisations.Add(new Organisation(OrgB, $"B {_suffix}", OrganisationKind.CommissioningBody, Jurisdiction.England));
        await db.SaveChangesAsync();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        foreach (var (email, org) in new[] { (AnnEmail, OrgA), (BeaEmail, OrgB) })
        {
            var created = await accounts.CreateAsync(null, new CreateStaffUserRequest(email, email, org, StaffRoles.Commissioner), Password);
            Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JourneyClient> SignedInAsync(string email)
    {
        var browser = NewBrowser(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));
        await browser.GetAsync("/staff/sign-in");
        await browser.PostAsync("/staff/sign-in", (SignInModel.EmailField, email), (SignInModel.PasswordField, Password));
        Assert.DoesNotContain("/staff/sign-in", browser.Path);
        return browser;
    }

    private async Task<Consultation> DraftOfAsync(OrganisationId owner, bool open = false)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var actor = new StaffActor(StaffUserId.New(), owner, StaffRoles.Commissioner, "Seeder");
        var now = Time.GetUtcNow();
        var json = ConsultationDefinitionWriter.Write(SampleConsultation.Definition($"P{Random.Shared.Next(100_000, 999_999)}", now.AddDays(1), now.AddDays(29)));
        var imported = await scope.ServiceProvider.GetRequiredService<ImportConsultationDefinition>().HandleAsync(actor, new ImportConsultationDefinitionRequest(json));
        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        if (open)
        {
            var opened = await scope.ServiceProvider.GetRequiredService<OpenConsultationNow>().HandleAsync(actor, new OpenConsultationNowRequest(imported.Value.Id));
            Assert.True(opened.IsSuccess, string.Join("; ", opened.Errors));
        }

        return imported.Value;
    }

    private Task<Consultation> ReloadAsync(ConsultationId id) =>
        WithDbAsync(db => db.Consultations.AsNoTracking().SingleAsync(c => c.Id == id));

    [Theory]
    [InlineData("/staff/consultations")]
    [InlineData("/cy/staff/consultations/new")]
    public async Task Get_NotSignedIn_GoesToSignIn(string url)
    {
        var browser = NewBrowser(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

        await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, browser.Status);
    }

    [Fact]
    public async Task Overview_OtherOrganisationsDraft_IsNotFound()
    {
        var draft = await DraftOfAsync(OrgA);
        var bea = await SignedInAsync(BeaEmail);

        await bea.GetAsync($"/staff/consultations/{draft.Id.Value}");

        Assert.Equal(HttpStatusCode.NotFound, bea.Status);
    }

    [Fact]
    public async Task Content_OtherOrganisationsOpenConsultation_IsForbidden()
    {
        var open = await DraftOfAsync(OrgA, open: true);
        var bea = await SignedInAsync(BeaEmail);

        await bea.GetAsync($"/staff/consultations/{open.Id.Value}");
        var overviewStatus = bea.Status;
        await bea.GetAsync($"/staff/consultations/{open.Id.Value}/content");

        Assert.Equal(HttpStatusCode.OK, overviewStatus);
        Assert.Equal(HttpStatusCode.Forbidden, bea.Status);
    }

    [Fact]
    public async Task Create_ThenWriteWelsh_ReadinessAndOverviewFollow()
    {
        var ann = await SignedInAsync(AnnEmail);
        await ann.GetAsync("/staff/consultations/new");
        var reference = $"N{Random.Shared.Next(100_000, 999_999)}";

        await ann.PostAsync("/staff/consultations/new",
            ("Form.Reference", reference.ToLowerInvariant()),
            ("Form.Title.En", "Refuge provision"),
            ("Form.Title.Cy", ""),
            ("Form.Jurisdiction", "Wales"),
            ("Form.Audience", "Public"),
            ("Form.Phase", "Plan"),
            ("Form.IssuedOn.Day", "1"), ("Form.IssuedOn.Month", "3"), ("Form.IssuedOn.Year", "2030"),
            ("Form.OpensAt.Day", "2"), ("Form.OpensAt.Month", "3"), ("Form.OpensAt.Year", "2030"), ("Form.OpensAt.Time", "09:00"),
            ("Form.ClosesAt.Day", "25"), ("Form.ClosesAt.Month", "5"), ("Form.ClosesAt.Year", "2030"), ("Form.ClosesAt.Time", "17:00"));

        Assert.Equal(HttpStatusCode.OK, ann.Status);
        Assert.Contains("Refuge provision", ann.Html);
        var created = await WithDbAsync(db => db.Consultations.AsNoTracking().SingleAsync(c => c.Reference == reference));
        Assert.Equal(OrgA, created.OwnerOrganisationId);
        Assert.Equal(new DateTimeOffset(2030, 5, 25, 16, 0, 0, TimeSpan.Zero), created.ClosesAt);

        await ann.GetAsync($"/cy/staff/consultations/{created.Id.Value}/readiness");
        Assert.Equal(HttpStatusCode.OK, ann.Status);
        Assert.Contains("lang=\"cy\"", ann.Html);
        Assert.Contains("Form-Title-Cy", ann.Html);
    }

    [Fact]
    public async Task Settings_BadDate_KeepsWhatWasTypedAndSavesNothing()
    {
        var draft = await DraftOfAsync(OrgA);
        var ann = await SignedInAsync(AnnEmail);
        await ann.GetAsync($"/staff/consultations/{draft.Id.Value}/settings");

        await ann.PostAsync($"/staff/consultations/{draft.Id.Value}/settings",
            ("Form.Reference", "KEPT-REF"),
            ("Form.Jurisdiction", "England"),
            ("Form.Audience", "InviteOnly"),
            ("Form.Phase", "Review"),
            ("Form.IssuedOn.Day", "1"), ("Form.IssuedOn.Month", "3"), ("Form.IssuedOn.Year", "2030"),
            ("Form.OpensAt.Day", "31"), ("Form.OpensAt.Month", "2"), ("Form.OpensAt.Year", "2030"), ("Form.OpensAt.Time", "09:00"),
            ("Form.ClosesAt.Day", "25"), ("Form.ClosesAt.Month", "5"), ("Form.ClosesAt.Year", "2030"), ("Form.ClosesAt.Time", "5pm"));

        Assert.Equal(HttpStatusCode.OK, ann.Status);
        Assert.Equal(2, ann.ErrorSummary().Count);
        Assert.Contains("value=\"KEPT-REF\"", ann.Html);
        Assert.Contains("value=\"5pm\"", ann.Html);
        Assert.Equal(draft.Reference, (await ReloadAsync(draft.Id)).Reference);
    }

    [Fact]
    public async Task Content_PostWithoutAntiforgeryToken_IsRefusedAndSavesNothing()
    {
        var draft = await DraftOfAsync(OrgA);
        var ann = await SignedInAsync(AnnEmail);

        await ann.PostWithoutTokenAsync($"/staff/consultations/{draft.Id.Value}/content", ("Form.Title.En", "Changed"), ("Form.RetentionYears", "3"));

        Assert.Equal(HttpStatusCode.BadRequest, ann.Status);
        Assert.Equal(draft.Details.Title, (await ReloadAsync(draft.Id)).Details.Title);
    }

    [Fact]
    public async Task Content_WelshFixedOnOpenConsultation_IsSavedWithoutChangingAnythingElse()
    {
        var open = await DraftOfAsync(OrgA, open: true);
        var ann = await SignedInAsync(AnnEmail);
        await ann.GetAsync($"/staff/consultations/{open.Id.Value}/content");
        var fields = FormFields(ann.Html).Select(f => f.Name == "Form.Summary.Cy" ? (f.Name, "Crynodeb byr wedi'i gywiro.") : f).ToArray();

        await ann.PostAsync($"/staff/consultations/{open.Id.Value}/content", fields);

        Assert.Equal(HttpStatusCode.OK, ann.Status);
        Assert.Empty(ann.ErrorSummary());
        var stored = await ReloadAsync(open.Id);
        Assert.Equal("Crynodeb byr wedi'i gywiro.", stored.Details.Summary.Cy);
        Assert.Equal(CoProduce.Core.Storage.StorageJson.Serialize(open.Details with { Summary = stored.Details.Summary }), CoProduce.Core.Storage.StorageJson.Serialize(stored.Details));
    }

    [Fact]
    public async Task Lifecycle_OpenNow_OpensAndRespondentsCanStart()
    {
        var draft = await DraftOfAsync(OrgA);
        var ann = await SignedInAsync(AnnEmail);
        await ann.GetAsync($"/staff/consultations/{draft.Id.Value}/lifecycle/open");

        await ann.PostAsync($"/staff/consultations/{draft.Id.Value}/lifecycle/open");

        Assert.Equal($"/staff/consultations/{draft.Id.Value}", ann.Path);
        Assert.Equal(ConsultationStatus.Open, (await ReloadAsync(draft.Id)).Status);
        var respondent = NewBrowser();
        await StartAsync(respondent, draft.Reference);
    }

    [Fact]
    public async Task Lifecycle_OpenWithWelshMissing_ShowsNotReadyAndStaysDraft()
    {
        var draft = await DraftOfAsync(OrgA);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var actor = new StaffActor(StaffUserId.New(), OrgA, StaffRoles.Commissioner, "Seeder");
            var updated = await scope.ServiceProvider.GetRequiredService<UpdateConsultationDetails>()
                .HandleAsync(actor, new UpdateConsultationDetailsRequest(draft.Id, draft.Details with { Title = new("Title", "") }));
            Assert.True(updated.IsSuccess);
        }

        var ann = await SignedInAsync(AnnEmail);
        await ann.GetAsync($"/staff/consultations/{draft.Id.Value}/lifecycle/open");
        await ann.PostAsync($"/staff/consultations/{draft.Id.Value}/lifecycle/open");

        Assert.Equal(HttpStatusCode.OK, ann.Status);
        Assert.Single(ann.ErrorSummary());
        Assert.Equal(ConsultationStatus.Draft, (await ReloadAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task KeyIn_ScriptInFreeText_IsShownAsTextNeverMarkup()
    {
        var open = await DraftOfAsync(OrgA, open: true);
        var ann = await SignedInAsync(AnnEmail);
        await ann.GetAsync($"/staff/consultations/{open.Id.Value}/responses/new");
        var today = JourneyFormatToday();

        await ann.PostAsync($"/staff/consultations/{open.Id.Value}/responses/new",
            ("Channel", "Post"),
            ("ReceivedOn.Day", today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("ReceivedOn.Month", today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("ReceivedOn.Year", today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("story", "<script>alert(1)</script> **bold**"));
        Assert.NotNull(ann.CodeShown("receipt-code"));
        var response = await WithDbAsync(db => db.Responses.AsNoTracking().SingleAsync(r => r.ConsultationId == open.Id));
        await ann.GetAsync($"/staff/consultations/{open.Id.Value}/responses/{response.Id.Value}");

        Assert.Equal(HttpStatusCode.OK, ann.Status);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; **bold**", ann.Html);
        Assert.DoesNotContain("<script>alert", ann.Html);
        Assert.Equal(ResponseChannel.Post, response.Channel);
    }

    [Fact]
    public async Task KeyIn_AnswerTooLong_KeepsEverythingTyped()
    {
        var open = await DraftOfAsync(OrgA, open: true);
        var ann = await SignedInAsync(AnnEmail);
        await ann.GetAsync($"/staff/consultations/{open.Id.Value}/responses/new");
        var today = JourneyFormatToday();

        await ann.PostAsync($"/staff/consultations/{open.Id.Value}/responses/new",
            ("Channel", "Email"),
            ("ReceivedOn.Day", today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("ReceivedOn.Month", today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("ReceivedOn.Year", today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("town", new string('x', 41)),
            ("story", "Kept words"));

        Assert.Equal(HttpStatusCode.OK, ann.Status);
        Assert.NotEmpty(ann.ErrorSummary());
        Assert.Contains("Kept words", ann.Html);
        Assert.Equal(0, await WithDbAsync(db => db.Responses.CountAsync(r => r.ConsultationId == open.Id)));
    }

    [Fact]
    public async Task DeleteResponse_Confirmed_DeletesIt()
    {
        var open = await DraftOfAsync(OrgA, open: true);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var actor = new StaffActor(StaffUserId.New(), OrgA, StaffRoles.Commissioner, "Seeder");
            var keyed = await scope.ServiceProvider.GetRequiredService<CoProduce.Core.Responses.KeyInResponse>().HandleAsync(actor, new CoProduce.Core.Responses.KeyInResponseRequest(
                open.Id, ResponseChannel.Email, JourneyFormatToday(), CoProduce.Core.Responses.RespondentChoices.Default, SampleConsultation.Form()));
            Assert.True(keyed.IsSuccess, string.Join("; ", keyed.Errors));
        }

        var response = await WithDbAsync(db => db.Responses.AsNoTracking().SingleAsync(r => r.ConsultationId == open.Id));
        var ann = await SignedInAsync(AnnEmail);
        await ann.GetAsync($"/staff/consultations/{open.Id.Value}/responses/{response.Id.Value}?delete=true");

        await ann.PostAsync($"/staff/consultations/{open.Id.Value}/responses/{response.Id.Value}?handler=Delete");

        Assert.StartsWith($"/staff/consultations/{open.Id.Value}/responses", ann.Path);
        Assert.Equal(0, await WithDbAsync(db => db.Responses.CountAsync(r => r.Id == response.Id)));
    }

    [Fact]
    public async Task ExportThenImport_AsCopy_CreatesDraftOfTheImporter()
    {
        var open = await DraftOfAsync(OrgA, open: true);
        var ann = await SignedInAsync(AnnEmail);
        var export = await ann.Http.GetAsync($"/staff/consultations/{open.Id.Value}/export");
        var json = await export.Content.ReadAsStringAsync();
        var copy = $"C{Random.Shared.Next(100_000, 999_999)}";
        await ann.GetAsync("/staff/consultations/import");

        await ann.PostAsync("/staff/consultations/import", ("Json", json), ("Reference", copy));

        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, ann.Status);
        var imported = await WithDbAsync(db => db.Consultations.AsNoTracking().SingleAsync(c => c.Reference == copy));
        Assert.Equal(ConsultationStatus.Draft, imported.Status);
        Assert.Equal(OrgA, imported.OwnerOrganisationId);
    }

    [Fact]
    public async Task Import_BrokenJson_ShowsLineAndKeepsText()
    {
        var ann = await SignedInAsync(AnnEmail);
        await ann.GetAsync("/staff/consultations/import");

        await ann.PostAsync("/staff/consultations/import", ("Json", "{\n  \"reference\": 12\n}"));

        Assert.Equal(HttpStatusCode.OK, ann.Status);
        Assert.Contains(ann.ErrorSummary(), e => e.Contains("2", StringComparison.Ordinal) && e.Contains("$.reference", StringComparison.Ordinal));
        Assert.Contains("&quot;reference&quot;: 12", ann.Html);
    }

    private DateOnly JourneyFormatToday() => DateOnly.FromDateTime(CoProduce.Server.Journey.JourneyFormat.InUk(Time.GetUtcNow()).DateTime);

    /// <summary>Every named field of the content form, as a browser would post it.</summary>
    private static (string Name, string Value)[] FormFields(string html)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var document = parser.ParseDocument(html);
        var form = document.QuerySelectorAll("form").First(f => f.QuerySelector("[name='Form.Title.En']") is not null);
        var fields = new List<(string, string)>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!; // Selected by [name].
            if (name == "__RequestVerificationToken")
            {
                continue;
            }

            switch (element)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add((name, input.Value));
                    }

                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement input:
                    fields.Add((name, input.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area:
                    fields.Add((name, area.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select:
                    fields.Add((name, select.Value ?? ""));
                    break;
            }
        }

        return fields.ToArray();
    }
}
