using CoProduce.Core.Consultations;
using CoProduce.Core.Organisations;
using CoProduce.Core.Staff;
using CoProduce.Core.Storage;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Types;
using CoProduce.Server.Localisation;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Api;

/// <summary>Staff reads: <c>me</c>, organisations, the consultations a member of staff may see, and staff-only consultation fields.</summary>
public static class StaffResolvers
{
    public static SchemaBuilder BindStaff(this SchemaBuilder schema) => schema
        .Bind("Query", "me", context => new ValueTask<object?>(ApiActor.Of(context)))
        .Bind("Query", "organisations", OrganisationsAsync)
        .Bind("Query", "staffConsultations", StaffConsultationsAsync)
        .Bind("Consultation", "owner", OwnerAsync)
        .Bind("Consultation", "myPermissions", MyPermissionsAsync)
        .Bind("StaffMember", "id", context => new ValueTask<object?>(((StaffActor)context.Source!).UserId.Value.ToString()))
        .Bind("StaffMember", "roles", context => new ValueTask<object?>(Roles(((StaffActor)context.Source!).Roles)))
        .Bind("StaffMember", "organisation", context => LoadOrganisationAsync(context, ((StaffActor)context.Source!).OrganisationId))
        .Bind("Organisation", "id", context => new ValueTask<object?>(((Organisation)context.Source!).Id.Value.ToString()))
        .BindEnum<ConsultationPermission>("ConsultationPermission")
        .BindEnum<StaffRoles>("StaffRole")
        .BindEnum<OrganisationKind>("OrganisationKind")
        .BindEnum<WelshLanguageOffer>("WelshLanguageOffer");

    private static async ValueTask<object?> OrganisationsAsync(IResolveFieldContext context)
    {
        ApiActor.Required(context);
        var text = ApiServices.Of(context).GetRequiredService<Text>();
        var (first, after) = (context.Arguments.GetValueOrDefault("first") as int?, context.Arguments.GetValueOrDefault("after") as string);
        var (offset, count) = Paging.Window(first, after, text);
        await using var scope = ApiServices.Begin(context);
        var all = await scope.Get<ListOrganisations>().HandleAsync(context.CancellationToken);
        return Paging.Build(all.Skip(offset).Take(count).ToArray(), offset, all.Count);
    }

    private static async ValueTask<object?> StaffConsultationsAsync(IResolveFieldContext context)
    {
        var actor = ApiActor.Required(context);
        var text = ApiServices.Of(context).GetRequiredService<Text>();
        var (first, after) = (context.Arguments.GetValueOrDefault("first") as int?, context.Arguments.GetValueOrDefault("after") as string);
        var (offset, count) = Paging.Window(first, after, text);
        var statuses = (context.Arguments.GetValueOrDefault("status") as IEnumerable<object?>)?.Cast<ConsultationStatus>().ToArray();
        await using var scope = ApiServices.Begin(context);
        var visible = scope.Get<ConsultationAccess>().VisibleTo(actor).AsNoTracking();
        if (statuses is not null)
        {
            visible = visible.Where(c => statuses.Contains(c.Status));
        }

        var total = await visible.CountAsync(context.CancellationToken);
        var page = await visible.OrderBy(c => c.Reference).Skip(offset).Take(count).ToListAsync(context.CancellationToken);
        return Paging.Build(page, offset, total);
    }

    private static ValueTask<object?> OwnerAsync(IResolveFieldContext context)
    {
        var consultation = (Consultation)context.Source!;
        return ApiActor.Of(context) is null || consultation.OwnerOrganisationId is not { } owner
            ? new ValueTask<object?>((object?)null)
            : LoadOrganisationAsync(context, owner);
    }

    private static async ValueTask<object?> MyPermissionsAsync(IResolveFieldContext context)
    {
        if (ApiActor.Of(context) is not { } actor)
        {
            return Array.Empty<ConsultationPermission>();
        }

        var consultation = (Consultation)context.Source!;
        var assigned = actor.Has(StaffRoles.Analyst) && await AssignedAsync(context, actor, consultation.Id);
        return ConsultationAccess.Allowed(actor, consultation, assigned).Order().ToArray();
    }

    /// <summary>Whether the actor is assigned to a consultation as analyst, one query for all consultations of a request.</summary>
    private static Task<bool> AssignedAsync(IResolveFieldContext context, StaffActor actor, ConsultationId id)
    {
        var services = ApiServices.Of(context);
        var loader = context.GetDataLoader<ConsultationId, bool>("analyst-assignments", async (ids, ct) =>
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            var assigned = await db.ConsultationAnalysts.AsNoTracking()
                .Where(a => a.UserId == actor.UserId && ids.Contains(a.ConsultationId))
                .Select(a => a.ConsultationId)
                .ToListAsync(ct);
            return ids.ToDictionary(i => i, assigned.Contains);
        });
        return loader.LoadAsync(id);
    }

    /// <summary>Organisations by id, one query for all the organisations a request shows.</summary>
    internal static async ValueTask<object?> LoadOrganisationAsync(IResolveFieldContext context, OrganisationId id)
    {
        var services = ApiServices.Of(context);
        var loader = context.GetDataLoader<OrganisationId, Organisation>("organisations", async (ids, ct) =>
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            var found = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
            return found.ToDictionary(o => o.Id);
        });
        return await loader.LoadAsync(id);
    }

    private static IReadOnlyList<StaffRoles> Roles(StaffRoles roles) =>
        [.. new[] { StaffRoles.Administrator, StaffRoles.Commissioner, StaffRoles.Analyst, StaffRoles.Facilitator }.Where(r => (roles & r) == r)];
}
