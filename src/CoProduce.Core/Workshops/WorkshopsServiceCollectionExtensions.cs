using CoProduce.Core.OutcomeFrameworks;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.Core.Workshops;

public static class WorkshopsServiceCollectionExtensions
{
    /// <summary>Workshop and outcome framework use cases (called by <c>AddCoProduceCore</c>).</summary>
    public static IServiceCollection AddWorkshopUseCases(this IServiceCollection services)
    {
        services.AddScoped<WorkshopAccess>();
        services.AddScoped<CreateWorkshop>();
        services.AddScoped<UpdateWorkshop>();
        services.AddScoped<ReplaceJoinCode>();
        services.AddScoped<ListWorkshops>();
        services.AddScoped<AddActivity>();
        services.AddScoped<EditActivity>();
        services.AddScoped<MoveActivity>();
        services.AddScoped<RemoveActivity>();
        services.AddScoped<GetWorkshopDetails>();
        services.AddScoped<GetActivityDraft>();
        services.AddScoped<ControlWorkshop>();
        services.AddScoped<ManageParticipant>();
        services.AddScoped<JoinWorkshop>();
        services.AddScoped<SignalFacilitator>();
        services.AddScoped<CastVote>();
        services.AddSingleton<VotingRooms>();
        services.AddSingleton<BallotCommitter>();
        services.AddScoped<PostContribution>();
        services.AddScoped<ModerateContribution>();
        services.AddScoped<GetWorkshopView>();
        services.AddScoped<GetWorkshopRecord>();
        services.AddOptions<WorkshopOptions>()
            .BindConfiguration(WorkshopOptions.SectionName)
            .Validate(o => o.SuppressionThreshold >= 1, "Workshops:SuppressionThreshold must be 1 or more.")
            .ValidateOnStart();

        services.AddScoped<FrameworkAccess>();
        services.AddScoped<EditOutcomeFramework>();
        services.AddScoped<AcceptProposal>();
        services.AddScoped<GetOutcomeFramework>();
        services.AddScoped<ListOutcomeFrameworks>();

        // Read-only staff dashboards (the GraphQL API).
        services.AddScoped<GetWorkshopDashboard>();
        services.AddScoped<ListReadableWorkshops>();
        return services;
    }
}
