using System.Text.Json;
using CoProduce.Core.Authoring;
using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.Core.Workshops;
using CoProduce.Server.Api;
using CoProduce.Server.Staff;
using CoProduce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Server.Tests.Api;

public sealed class AuthorizationMatrixTestsSqlite(SqliteTestDatabase database) : AuthorizationMatrixTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class AuthorizationMatrixTestsPostgres(PostgresTestDatabase database) : AuthorizationMatrixTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// Every query and mutation field of the schema (enumerated from it, so a new field without an entry here fails),
/// called by each role — anonymous, administrator, commissioner, analyst assigned and unassigned, facilitator, all
/// of organisation A — against consultations of their own organisation and of another (a draft and an open one of
/// each), through HTTP with API tokens. Each call must be allowed or refused exactly as
/// <see cref="ConsultationAccess"/> decides for the permission the field needs.
/// </summary>
public abstract class AuthorizationMatrixTests(TestDatabase database) : ApiTestBase(database)
{
    /// <summary>What a field needs.</summary>
    private enum Need
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,

        /// <summary>Any signed-in member of staff.</summary>
        Staff,

        /// <summary>A commissioner or an administrator (creating consultations).</summary>
        Author,

        /// <summary>Published to anyone; otherwise the View permission.</summary>
        PublishedOrView,

        /// <summary>A consultation permission (<see cref="Entry.Permission"/>).</summary>
        Permission,

        /// <summary>Signed in, and the object is listed exactly when the actor may view it.</summary>
        ListedWhenViewable,

        /// <summary>A workshop's facilitators, administrators and staff of its organisation (<c>ListReadableWorkshops.CanRead</c>).</summary>
        WorkshopReader,

        /// <summary>Signed in, and the workshop is listed exactly when the actor may read it.</summary>
        ListedWhenWorkshopReadable,

        /// <summary>Administrators and staff of the framework's organisation (<c>FrameworkAccess</c>).</summary>
        FrameworkReader,

        /// <summary>Signed in, and the framework is listed exactly when the actor may read it.</summary>
        ListedWhenFrameworkReadable,
    }

    private sealed record Entry(Need Need, string Query, ConsultationPermission Permission = ConsultationPermission.View);

    private const string Payload = "{ errors { code } }";

    /// <summary>Every root field, with what it needs and a document calling it on <c>$id</c>.</summary>
    private static readonly Dictionary<string, Entry> Matrix = new()
    {
        ["Query.openConsultations"] = new(Need.Public, "query($id: ID!) { openConsultations { totalCount } }"),
        ["Query.consultation"] = new(Need.PublishedOrView, "query($id: ID!) { result: consultation(by: { id: $id }) { id } }"),
        ["Query.me"] = new(Need.Staff, "query($id: ID!) { result: me { id } }"),
        ["Query.organisations"] = new(Need.Staff, "query($id: ID!) { result: organisations { totalCount } }"),
        ["Query.staffConsultations"] = new(Need.ListedWhenViewable, "query($id: ID!) { result: staffConsultations(first: 100) { edges { node { id } } } }"),
        ["Query.consultationReadiness"] = new(Need.Permission, "query($id: ID!) { result: consultationReadiness(id: $id) { code } }"),
        ["Query.exportConsultation"] = new(Need.Permission, "query($id: ID!) { result: exportConsultation(id: $id) }"),
        ["Query.workshops"] = new(Need.ListedWhenWorkshopReadable, "query($id: ID!) { result: workshops(first: 100) { edges { node { id } } } }"),
        ["Query.workshop"] = new(Need.WorkshopReader, "query($id: ID!) { result: workshop(id: $id) { id activities { tally { voters } } } }"),
        ["Query.outcomeFrameworks"] = new(Need.ListedWhenFrameworkReadable, "query($id: ID!) { result: outcomeFrameworks(first: 100) { edges { node { id } } } }"),
        ["Query.outcomeFramework"] = new(Need.FrameworkReader, "query($id: ID!) { result: outcomeFramework(id: $id) { id versions { version } } }"),
        ["Mutation.submitResponse"] = new(Need.Public, "mutation($id: ID!) { submitResponse(input: { consultationReference: \"NOPE1\" }) " + Payload + " }"),
        ["Mutation.createConsultation"] = new(Need.Author, """
            mutation($id: ID!) { createConsultation(input: { reference: "M-NEW", title: { en: "t", cy: "t" }, jurisdiction: WALES,
              audience: PUBLIC, phase: PLAN, issuedOn: "2030-01-01", opensAt: "2030-01-02T00:00:00Z", closesAt: "2030-03-01T00:00:00Z",
              requiresApproval: false }) { errors { code } } }
            """),
        ["Mutation.importConsultation"] = new(Need.Author, "mutation($id: ID!) { importConsultation(definition: \"{}\") " + Payload + " }"),
        ["Mutation.updateConsultationSettings"] = new(Need.Permission, """
            mutation($id: ID!) { updateConsultationSettings(id: $id, settings: { reference: "M-SET", issuedOn: "2030-01-01",
              opensAt: "2030-01-02T00:00:00Z", closesAt: "2029-03-01T00:00:00Z", audience: PUBLIC, jurisdiction: WALES, phase: PLAN,
              requiresApproval: false }) { errors { code } } }
            """, ConsultationPermission.Edit),
        ["Mutation.updateConsultationDetails"] = new(Need.Permission, """
            mutation($id: ID!) { updateConsultationDetails(id: $id, details: { title: { en: "", cy: "" }, summary: { en: "", cy: "" },
              body: { en: "", cy: "" }, issuingBody: { en: "", cy: "" }, howToRespond: { online: true }, contact: { name: { en: "", cy: "" } },
              dataProtection: { controller: { en: "", cy: "" }, lawfulBasis: { en: "", cy: "" }, whoSeesResponses: { en: "", cy: "" },
                responsesMayBePublished: false, publication: { en: "", cy: "" }, redactionOnRequest: { en: "", cy: "" },
                freedomOfInformation: { en: "", cy: "" }, retentionYears: 99, rights: { en: "", cy: "" },
                regulator: { name: { en: "", cy: "" }, website: "not a url" } } }) { errors { code } } }
            """, ConsultationPermission.Edit),
        ["Mutation.addSection"] = new(Need.Permission, "mutation($id: ID!) { addSection(id: $id, section: { id: \"Not Valid!\", title: { en: \"s\", cy: \"s\" } }) " + Payload + " }", ConsultationPermission.Edit),
        ["Mutation.updateSection"] = new(Need.Permission, "mutation($id: ID!) { updateSection(id: $id, sectionId: \"no-such-section\", text: { title: { en: \"s\", cy: \"s\" } }) " + Payload + " }", ConsultationPermission.Edit),
        ["Mutation.moveSection"] = new(Need.Permission, "mutation($id: ID!) { moveSection(id: $id, sectionId: \"no-such-section\", index: 0) " + Payload + " }", ConsultationPermission.Edit),
        ["Mutation.removeSection"] = new(Need.Permission, "mutation($id: ID!) { removeSection(id: $id, sectionId: \"no-such-section\") " + Payload + " }", ConsultationPermission.Edit),
        ["Mutation.addQuestion"] = new(Need.Permission, "mutation($id: ID!) { addQuestion(id: $id, sectionId: \"no-such-section\", question: { id: \"q\", type: SHORT_TEXT, text: { en: \"q\", cy: \"q\" } }) " + Payload + " }", ConsultationPermission.Edit),
        ["Mutation.updateQuestion"] = new(Need.Permission, "mutation($id: ID!) { updateQuestion(id: $id, questionId: \"no-such-question\", question: { id: \"q\", type: SHORT_TEXT, text: { en: \"q\", cy: \"q\" } }) " + Payload + " }", ConsultationPermission.Edit),
        ["Mutation.moveQuestion"] = new(Need.Permission, "mutation($id: ID!) { moveQuestion(id: $id, questionId: \"no-such-question\", toSectionId: \"no-such-section\", index: 0) " + Payload + " }", ConsultationPermission.Edit),
        ["Mutation.removeQuestion"] = new(Need.Permission, "mutation($id: ID!) { removeQuestion(id: $id, questionId: \"no-such-question\") " + Payload + " }", ConsultationPermission.Edit),
        ["Mutation.setEqualityMonitoring"] = new(Need.Permission, "mutation($id: ID!) { setEqualityMonitoring(id: $id, on: false) " + Payload + " }", ConsultationPermission.Edit),
        ["Mutation.submitConsultationForApproval"] = new(Need.Permission, "mutation($id: ID!) { submitConsultationForApproval(id: $id) " + Payload + " }", ConsultationPermission.ManageLifecycle),
        ["Mutation.approveConsultation"] = new(Need.Permission, "mutation($id: ID!) { approveConsultation(id: $id) " + Payload + " }", ConsultationPermission.Approve),
        ["Mutation.returnConsultationToDraft"] = new(Need.Permission, "mutation($id: ID!) { returnConsultationToDraft(id: $id) " + Payload + " }", ConsultationPermission.ManageLifecycle),
        ["Mutation.scheduleConsultation"] = new(Need.Permission, "mutation($id: ID!) { scheduleConsultation(id: $id) " + Payload + " }", ConsultationPermission.ManageLifecycle),
        ["Mutation.openConsultationNow"] = new(Need.Permission, "mutation($id: ID!) { openConsultationNow(id: $id) " + Payload + " }", ConsultationPermission.ManageLifecycle),
        ["Mutation.closeConsultationEarly"] = new(Need.Permission, "mutation($id: ID!) { closeConsultationEarly(id: $id) " + Payload + " }", ConsultationPermission.ManageLifecycle),
        ["Mutation.extendConsultationClosingDate"] = new(Need.Permission, "mutation($id: ID!) { extendConsultationClosingDate(id: $id, closesAt: \"2000-01-01T00:00:00Z\") " + Payload + " }", ConsultationPermission.ManageLifecycle),
        ["Mutation.reopenConsultation"] = new(Need.Permission, "mutation($id: ID!) { reopenConsultation(id: $id, closesAt: \"2000-01-01T00:00:00Z\") " + Payload + " }", ConsultationPermission.ManageLifecycle),
        ["Mutation.archiveConsultation"] = new(Need.Permission, "mutation($id: ID!) { archiveConsultation(id: $id) " + Payload + " }", ConsultationPermission.ManageLifecycle),
        ["Mutation.keyInResponse"] = new(Need.Permission, "mutation($id: ID!) { keyInResponse(id: $id, input: { channel: POST, receivedOn: \"1990-01-01\" }) " + Payload + " }", ConsultationPermission.KeyInResponses),
        ["Mutation.deleteResponse"] = new(Need.Permission, "mutation($id: ID!) { deleteResponse(id: $id, responseId: \"00000000-0000-0000-0000-000000000001\") " + Payload + " }", ConsultationPermission.DeleteResponses),
    };

    /// <summary>Payload error codes that mean "refused" (access), as opposed to a refusal of the change itself.</summary>
    private static readonly HashSet<string> RefusalCodes = ["Error.NotFound", "Error.Forbidden", "Api.Error.SignInRequired"];

    [Fact]
    public void Matrix_CoversEveryQueryAndMutationField()
    {
        var schema = ApiSchema.Build();
        var fields = schema.QueryType!.Fields.Select(f => $"Query.{f.Name}")
            .Concat(schema.MutationType!.Fields.Select(f => $"Mutation.{f.Name}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(fields, Matrix.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryField_EveryRoleAndObject_AllowedOrRefusedAsConsultationAccessSays()
    {
        var world = await BuildWorldAsync();
        var failures = new List<string>();
        foreach (var (field, entry) in Matrix.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var objects = entry.Need switch
            {
                Need.WorkshopReader or Need.ListedWhenWorkshopReadable => world.Workshops,
                Need.FrameworkReader or Need.ListedWhenFrameworkReadable => world.Frameworks,
                _ => world.Objects,
            };
            foreach (var (role, actor, token) in world.Roles)
            {
                foreach (var (objectName, id) in objects)
                {
                    var expected = await ExpectedAsync(entry, actor, id);
                    // Fields that take no object declare no $id (an unused variable is a validation error).
                    var usesId = entry.Query.Split("$id").Length > 2;
                    var query = usesId ? entry.Query : entry.Query.Replace("($id: ID!)", "", StringComparison.Ordinal);
                    var response = await GraphQLAsync(query, usesId ? new { id = id.ToString() } : null, bearerToken: token);
                    var allowed = Allowed(field, entry, response, id);
                    if (allowed != expected)
                    {
                        failures.Add($"{field} as {role} on {objectName}: expected {(expected ? "allowed" : "refused")}, got {response}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<bool> ExpectedAsync(Entry entry, StaffActor? actor, Guid objectId)
    {
        await using var db = Database.CreateContext();
        if (entry.Need is Need.WorkshopReader or Need.ListedWhenWorkshopReadable)
        {
            var workshop = await db.Workshops.AsNoTracking().SingleAsync(w => w.Id == new WorkshopId(objectId));
            return actor is not null && (workshop.IsFacilitator(actor) || workshop.OwnerOrganisationId == actor.OrganisationId);
        }

        if (entry.Need is Need.FrameworkReader or Need.ListedWhenFrameworkReadable)
        {
            var framework = await db.OutcomeFrameworks.AsNoTracking().SingleAsync(f => f.Id == new OutcomeFrameworkId(objectId));
            return actor is not null && (actor.Has(StaffRoles.Administrator) || framework.OwnerOrganisationId == actor.OrganisationId);
        }

        var id = new ConsultationId(objectId);
        var consultation = await db.Consultations.AsNoTracking().SingleAsync(c => c.Id == id);
        var assigned = actor is not null && await db.ConsultationAnalysts.AnyAsync(a => a.ConsultationId == id && a.UserId == actor.UserId);
        var permissions = actor is null ? new HashSet<ConsultationPermission>() : ConsultationAccess.Allowed(actor, consultation, assigned);
        return entry.Need switch
        {
            Need.Public => true,
            Need.Staff => actor is not null,
            Need.Author => actor is not null && (actor.Has(StaffRoles.Commissioner) || actor.Has(StaffRoles.Administrator)),
            Need.PublishedOrView => actor is null ? consultation.IsPublished : permissions.Contains(ConsultationPermission.View),
            Need.ListedWhenViewable => permissions.Contains(ConsultationPermission.View),
            _ => permissions.Contains(entry.Permission),
        };
    }

    private static bool Allowed(string field, Entry entry, JsonElement response, Guid id)
    {
        if (!response.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (field.StartsWith("Mutation.", StringComparison.Ordinal))
        {
            var payload = data.EnumerateObject().Single().Value;
            return !payload.GetProperty("errors").EnumerateArray().Any(e => RefusalCodes.Contains(e.GetProperty("code").GetString()!));
        }

        if (response.TryGetProperty("errors", out var errors)
            && errors.EnumerateArray().Any(e => e.TryGetProperty("extensions", out var x) && x.GetProperty("code").GetString() is "UNAUTHENTICATED" or "FORBIDDEN"))
        {
            return false;
        }

        if (field == "Query.openConsultations")
        {
            return data.GetProperty("openConsultations").ValueKind == JsonValueKind.Object;
        }

        var result = data.GetProperty("result");
        if (field is "Query.staffConsultations" or "Query.workshops" or "Query.outcomeFrameworks")
        {
            // "Allowed" here means "listed".
            return result.ValueKind == JsonValueKind.Object
                && result.GetProperty("edges").EnumerateArray().Any(e => e.GetProperty("node").GetProperty("id").GetString() == id.ToString());
        }

        return result.ValueKind != JsonValueKind.Null;
    }

    private sealed record World(
        IReadOnlyList<(string Role, StaffActor? Actor, string? Token)> Roles,
        IReadOnlyList<(string Name, Guid Id)> Objects,
        IReadOnlyList<(string Name, Guid Id)> Workshops,
        IReadOnlyList<(string Name, Guid Id)> Frameworks);

    private async Task<World> BuildWorldAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CoProduceDbContext>();
        var suffix = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var orgA = new Organisation(OrganisationId.New(), $"Matrix A {suffix}", OrganisationKind.CommissioningBody, Jurisdiction.Wales);
        var orgB = new Organisation(OrganisationId.New(), $"Matrix B {suffix}", OrganisationKind.CommissioningBody, Jurisdiction.Wales);
        db.Organisations.AddRange(orgA, orgB);
        await db.SaveChangesAsync();

        Task<(StaffActor Actor, string Token)> UserAsync(string name, OrganisationId organisation, StaffRoles roles) =>
            ApiStaff.CreateAsync(services, name, organisation, roles);

        var admin = await UserAsync("admin", orgA.Id, StaffRoles.Administrator);
        var commissionerA = await UserAsync("commissioner-a", orgA.Id, StaffRoles.Commissioner);
        var commissionerB = await UserAsync("commissioner-b", orgB.Id, StaffRoles.Commissioner);
        var assigned = await UserAsync("analyst-assigned", orgA.Id, StaffRoles.Analyst);
        var unassigned = await UserAsync("analyst-unassigned", orgA.Id, StaffRoles.Analyst);
        var facilitator = await UserAsync("facilitator", orgA.Id, StaffRoles.Facilitator);

        async Task<ConsultationId> DraftAsync(StaffActor owner, string reference)
        {
            var now = Time.GetUtcNow();
            var created = await services.GetRequiredService<CreateConsultation>().HandleAsync(owner, new CreateConsultationRequest(
                reference, new LocalizedText("Draft", "Drafft"), Jurisdiction.Wales, Audience.Public, CommissioningPhase.Plan,
                DateOnly.FromDateTime(now.UtcDateTime), now.AddDays(1), now.AddDays(30), RequiresApproval: false));
            Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
            return created.Value.Id;
        }

        async Task<ConsultationId> OpenAsync(OrganisationId owner, string reference)
        {
            var now = Time.GetUtcNow();
            var imported = await services.GetRequiredService<ImportConsultation>().HandleAsync(
                SampleConsultation.Definition(reference, now.AddHours(-1), now.AddDays(28)), owner);
            Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
            return (await db.Consultations.AsNoTracking().SingleAsync(c => c.Reference == imported.Value.Reference)).Id;
        }

        // A workshop of each organisation, each with an outcome framework activity (which starts a framework there).
        async Task<(Guid Workshop, Guid Framework)> WorkshopAsync(StaffActor facilitatorActor)
        {
            var created = await services.GetRequiredService<CreateWorkshop>().HandleAsync(facilitatorActor, new WorkshopDetails(
                new("Matrix", "Matrics"), new("Purpose", "Diben"), CommissioningPhase.Plan, Jurisdiction.Wales, Time.GetUtcNow(),
                new("Rules", "Rheolau"), new("Support", "Cymorth"), false));
            Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
            var activity = await services.GetRequiredService<AddActivity>().HandleAsync(facilitatorActor, created.Value.Id, new ActivityDraft(ActivityKind.OutcomeFramework, new("Outcomes", "Canlyniadau")));
            Assert.True(activity.IsSuccess, string.Join("; ", activity.Errors));
            var framework = await db.WorkshopActivities.AsNoTracking().Where(a => a.Id == activity.Value).Select(a => a.Settings).SingleAsync();
            return (created.Value.Id.Value, framework.FrameworkId!.Value.Value);
        }

        var ownWorkshop = await WorkshopAsync(facilitator.Actor);
        var otherWorkshop = await WorkshopAsync(new StaffActor(new StaffUserId(Guid.NewGuid()), orgB.Id, StaffRoles.Facilitator, "facilitator-b"));

        var objects = new List<(string, Guid)>
        {
            ("own draft", (await DraftAsync(commissionerA.Actor, $"MA{suffix}")).Value),
            ("own open", (await OpenAsync(orgA.Id, $"MB{suffix}")).Value),
            ("other draft", (await DraftAsync(commissionerB.Actor, $"MC{suffix}")).Value),
            ("other open", (await OpenAsync(orgB.Id, $"MD{suffix}")).Value),
        };
        foreach (var (_, id) in objects)
        {
            db.ConsultationAnalysts.Add(new ConsultationAnalyst(new ConsultationId(id), assigned.Actor.UserId));
        }

        await db.SaveChangesAsync();
        return new World(
            [
                ("anonymous", null, null),
                ("administrator", admin.Actor, admin.Token),
                ("commissioner", commissionerA.Actor, commissionerA.Token),
                ("analyst (assigned)", assigned.Actor, assigned.Token),
                ("analyst (unassigned)", unassigned.Actor, unassigned.Token),
                ("facilitator", facilitator.Actor, facilitator.Token),
            ],
            objects,
            [("own workshop", ownWorkshop.Workshop), ("other workshop", otherWorkshop.Workshop)],
            [("own framework", ownWorkshop.Framework), ("other framework", otherWorkshop.Framework)]);
    }
}
