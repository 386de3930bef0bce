using CoProduce.Core.Authoring;
using CoProduce.Core.Responses;

namespace Microsoft.Extensions.DependencyInjection;

public static class AuthoringServiceCollectionExtensions
{
    /// <summary>The staff use cases for authoring, lifecycle, export/import and response management.</summary>
    public static IServiceCollection AddAuthoring(this IServiceCollection services)
    {
        services.AddScoped<ConsultationChanges>();
        services.AddScoped<CreateConsultation>();
        services.AddScoped<ImportConsultationDefinition>();
        services.AddScoped<ExportConsultation>();
        services.AddScoped<ListStaffConsultations>();
        services.AddScoped<GetStaffConsultation>();
        services.AddScoped<UpdateConsultationSettings>();
        services.AddScoped<UpdateConsultationDetails>();
        services.AddScoped<AddSection>();
        services.AddScoped<UpdateSection>();
        services.AddScoped<MoveSection>();
        services.AddScoped<RemoveSection>();
        services.AddScoped<AddQuestion>();
        services.AddScoped<UpdateQuestion>();
        services.AddScoped<MoveQuestion>();
        services.AddScoped<RemoveQuestion>();
        services.AddScoped<SetEqualityMonitoring>();
        services.AddScoped<CheckConsultationReadiness>();
        services.AddScoped<SubmitConsultationForApproval>();
        services.AddScoped<ApproveConsultation>();
        services.AddScoped<ReturnConsultationToDraft>();
        services.AddScoped<ScheduleConsultation>();
        services.AddScoped<OpenConsultationNow>();
        services.AddScoped<CloseConsultationEarly>();
        services.AddScoped<ExtendConsultationClosingDate>();
        services.AddScoped<ReopenConsultation>();
        services.AddScoped<ArchiveConsultation>();
        services.AddScoped<ListResponses>();
        services.AddScoped<GetResponse>();
        services.AddScoped<KeyInResponse>();
        services.AddScoped<DeleteResponse>();
        services.AddScoped<CountResponses>();
        services.AddScoped<CoProduce.Core.Consultations.ListFormsOfViolence>();
        return services;
    }
}
