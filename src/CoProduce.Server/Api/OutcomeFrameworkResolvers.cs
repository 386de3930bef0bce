using System.Globalization;
using CoProduce.Core.OutcomeFrameworks;
using CoProduce.Core.Storage;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Types;
using CoProduce.Server.Localisation;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Server.Api;

/// <summary>
/// Outcome frameworks for staff (<c>outcomeFrameworks</c>, <c>outcomeFramework</c>) through
/// <see cref="ListOutcomeFrameworks"/> and <see cref="GetOutcomeFramework"/>: <see cref="FrameworkAccess"/> decides
/// (the owning organisation's staff and administrators; anyone else finds nothing).
/// </summary>
public static class OutcomeFrameworkResolvers
{
    /// <summary>A framework as the API shows it; <paramref name="History"/> is read when first asked for when null.</summary>
    public sealed record FrameworkNode(OutcomeFramework Framework, FrameworkDocument Document, IReadOnlyList<FrameworkVersionSummary>? History);

    public static SchemaBuilder BindOutcomeFrameworks(this SchemaBuilder schema) => schema
        .Bind("Query", "outcomeFrameworks", FrameworksAsync)
        .Bind("Query", "outcomeFramework", FrameworkAsync)
        .BindType("OutcomeFramework", typeof(FrameworkFields), null)
        .Bind("OutcomeFramework", "owner", context => StaffResolvers.LoadOrganisationAsync(context, ((FrameworkNode)context.Source!).Framework.OwnerOrganisationId))
        .Bind("OutcomeFramework", "versions", VersionsAsync)
        .BindType("FrameworkVersion", typeof(VersionFields), null)
        .BindType("FrameworkText", typeof(FrameworkTextFields), null)
        .Bind("FrameworkOutcome", "wellbeingGoals", context => ReferenceAsync(context, ((FrameworkOutcome)context.Source!).WellbeingGoals))
        .Bind("FrameworkOutcome", "waysOfWorking", context => ReferenceAsync(context, ((FrameworkOutcome)context.Source!).WaysOfWorking))
        .BindEnum<IndicatorType>("IndicatorType")
        .BindEnum<IndicatorNature>("IndicatorNature")
        .BindEnum<ReportingFrequency>("ReportingFrequency")
        .BindEnum<WellbeingReferenceKind>("WellbeingReferenceKind");

    private static async ValueTask<object?> FrameworksAsync(IResolveFieldContext context)
    {
        var actor = ApiActor.Required(context);
        var text = ApiServices.Of(context).GetRequiredService<Text>();
        var (offset, count) = Paging.Window(context.Arguments.GetValueOrDefault("first") as int?, context.Arguments.GetValueOrDefault("after") as string, text);
        await using var scope = ApiServices.Begin(context);
        var all = (await scope.Get<ListOutcomeFrameworks>().HandleAsync(actor, context.CancellationToken))
            .OrderBy(f => f.Title.En, StringComparer.CurrentCultureIgnoreCase).ThenBy(f => f.Id.Value)
            .ToList();
        var page = all.Skip(offset).Take(count).Select(f => new FrameworkNode(f, f.Document, null)).ToArray();
        return Paging.Build(page, offset, all.Count);
    }

    private static async ValueTask<object?> FrameworkAsync(IResolveFieldContext context)
    {
        var actor = ApiActor.Required(context);
        if (ApiInput.Id(context, "id") is not { } id)
        {
            return null;
        }

        await using var scope = ApiServices.Begin(context);
        var result = await scope.Get<GetOutcomeFramework>().HandleAsync(actor, new OutcomeFrameworkId(id), cancellationToken: context.CancellationToken);
        return result.TryGetValue(out var view) ? new FrameworkNode(view.Framework, view.Document, view.History) : null;
    }

    private static async ValueTask<object?> VersionsAsync(IResolveFieldContext context)
    {
        var node = (FrameworkNode)context.Source!;
        if (node.History is { } history)
        {
            return history;
        }

        var actor = ApiActor.Required(context);
        await using var scope = ApiServices.Begin(context);
        var result = await scope.Get<GetOutcomeFramework>().HandleAsync(actor, node.Framework.Id, cancellationToken: context.CancellationToken);
        return result.TryGetValue(out var view) ? view.History : Array.Empty<FrameworkVersionSummary>();
    }

    /// <summary>
    /// Reference items by code from <c>wellbeing_reference</c> (administrators may add rows), read once per request;
    /// a code no longer there is shown as itself rather than dropped.
    /// </summary>
    private static async ValueTask<object?> ReferenceAsync(IResolveFieldContext context, IReadOnlyList<string> codes)
    {
        var services = ApiServices.Of(context);
        var loader = context.GetDataLoader<string, WellbeingReferenceItem>("wellbeing-reference", async (keys, ct) =>
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
            var rows = await db.WellbeingReference.AsNoTracking().Where(r => keys.Contains(r.Code)).ToListAsync(ct);
            return rows.Select(r => r.ToDomain()).ToDictionary(r => r.Code, StringComparer.Ordinal);
        });
        var items = new List<WellbeingReferenceItem>(codes.Count);
        foreach (var code in codes)
        {
            items.Add(await loader.LoadAsync(code) ?? new WellbeingReferenceItem(code, code.StartsWith("way.", StringComparison.Ordinal) ? WellbeingReferenceKind.WayOfWorking : WellbeingReferenceKind.Goal, 0, new(code, code)));
        }

        return items.OrderBy(i => i.SortOrder).ToArray();
    }

    /// <summary>Fields of <c>OutcomeFramework</c>.</summary>
    public sealed class FrameworkFields
    {
        public static string Id(FrameworkNode parent) => parent.Framework.Id.Value.ToString();

        public static Core.Consultations.LocalizedText Title(FrameworkNode parent) => parent.Framework.Title;

        public static Core.Consultations.Jurisdiction Jurisdiction(FrameworkNode parent) => parent.Framework.Jurisdiction;

        public static int Version(FrameworkNode parent) => parent.Framework.Version;

        public static FrameworkDocument Document(FrameworkNode parent) => parent.Document;
    }

    /// <summary>Fields of <c>FrameworkVersion</c>.</summary>
    public sealed class VersionFields
    {
        public static string? WorkshopId(FrameworkVersionSummary parent) => parent.WorkshopId?.Value.ToString();
    }

    /// <summary>Fields of <c>FrameworkText</c>.</summary>
    public sealed class FrameworkTextFields
    {
        public static string Text(FrameworkText parent, ApiLanguage? language) => parent.Get(language switch
        {
            ApiLanguage.Cy => CultureInfo.GetCultureInfo("cy"),
            ApiLanguage.En => CultureInfo.GetCultureInfo("en"),
            _ => CultureInfo.CurrentUICulture,
        });
    }
}
