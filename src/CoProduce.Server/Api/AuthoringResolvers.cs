using CoProduce.Core.Authoring;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Staff;
using CoProduce.GraphQL.Types;
using CoProduce.Server.Localisation;

namespace CoProduce.Server.Api;

/// <summary>Authoring and lifecycle mutations, readiness and export: each calls the authoring use case of the same name.</summary>
public static class AuthoringResolvers
{
    /// <summary>The payload of every mutation that changes a consultation.</summary>
    public sealed record ConsultationPayload(Consultation? Consultation, IReadOnlyList<UserError> Errors);

    public static SchemaBuilder BindAuthoring(this SchemaBuilder schema) => schema
        .Bind("Query", "consultationReadiness", ReadinessAsync)
        .Bind("Query", "exportConsultation", ExportAsync)
        .Bind("Mutation", "createConsultation", c => Change<CreateConsultation>(c, (h, a, _) =>
            h.HandleAsync(a, ApiInput.To<CreateConsultationRequest>(c.Arguments["input"]), c.CancellationToken), needsId: false))
        .Bind("Mutation", "importConsultation", c => Change<ImportConsultationDefinition>(c, (h, a, _) =>
            h.HandleAsync(a, new ImportConsultationDefinitionRequest(ApiInput.String(c, "definition"), c.Arguments.GetValueOrDefault("reference") as string), c.CancellationToken), needsId: false))
        .Bind("Mutation", "updateConsultationSettings", c => Change<UpdateConsultationSettings>(c, (h, a, id) =>
            h.HandleAsync(a, new UpdateConsultationSettingsRequest(id, ApiInput.To<ConsultationSettings>(c.Arguments["settings"])), c.CancellationToken)))
        .Bind("Mutation", "updateConsultationDetails", c => Change<UpdateConsultationDetails>(c, (h, a, id) =>
            h.HandleAsync(a, new UpdateConsultationDetailsRequest(id, ApiInput.To<ConsultationDetails>(c.Arguments["details"])), c.CancellationToken)))
        .Bind("Mutation", "addSection", c => Change<AddSection>(c, (h, a, id) =>
            h.HandleAsync(a, new AddSectionRequest(id, ApiInput.To<Section>(c.Arguments["section"]), c.Arguments.GetValueOrDefault("index") as int?), c.CancellationToken)))
        .Bind("Mutation", "updateSection", c => Change<UpdateSection>(c, (h, a, id) =>
            h.HandleAsync(a, new UpdateSectionRequest(id, new SectionId(ApiInput.String(c, "sectionId")), ApiInput.To<SectionText>(c.Arguments["text"])), c.CancellationToken)))
        .Bind("Mutation", "moveSection", c => Change<MoveSection>(c, (h, a, id) =>
            h.HandleAsync(a, new MoveSectionRequest(id, new SectionId(ApiInput.String(c, "sectionId")), (int)c.Arguments["index"]!), c.CancellationToken)))
        .Bind("Mutation", "removeSection", c => Change<RemoveSection>(c, (h, a, id) =>
            h.HandleAsync(a, new RemoveSectionRequest(id, new SectionId(ApiInput.String(c, "sectionId"))), c.CancellationToken)))
        .Bind("Mutation", "addQuestion", c => Change<AddQuestion>(c, (h, a, id) =>
            h.HandleAsync(a, new AddQuestionRequest(id, new SectionId(ApiInput.String(c, "sectionId")), ApiInput.To<Question>(c.Arguments["question"]), c.Arguments.GetValueOrDefault("index") as int?), c.CancellationToken)))
        .Bind("Mutation", "updateQuestion", c => Change<UpdateQuestion>(c, (h, a, id) =>
            h.HandleAsync(a, new UpdateQuestionRequest(id, new QuestionId(ApiInput.String(c, "questionId")), ApiInput.To<Question>(c.Arguments["question"])), c.CancellationToken)))
        .Bind("Mutation", "moveQuestion", c => Change<MoveQuestion>(c, (h, a, id) =>
            h.HandleAsync(a, new MoveQuestionRequest(id, new QuestionId(ApiInput.String(c, "questionId")), new SectionId(ApiInput.String(c, "toSectionId")), (int)c.Arguments["index"]!), c.CancellationToken)))
        .Bind("Mutation", "removeQuestion", c => Change<RemoveQuestion>(c, (h, a, id) =>
            h.HandleAsync(a, new RemoveQuestionRequest(id, new QuestionId(ApiInput.String(c, "questionId"))), c.CancellationToken)))
        .Bind("Mutation", "setEqualityMonitoring", c => Change<SetEqualityMonitoring>(c, (h, a, id) =>
            h.HandleAsync(a, new SetEqualityMonitoringRequest(id, (bool)c.Arguments["on"]!), c.CancellationToken)))
        .Bind("Mutation", "submitConsultationForApproval", c => Change<SubmitConsultationForApproval>(c, (h, a, id) =>
            h.HandleAsync(a, new SubmitConsultationForApprovalRequest(id), c.CancellationToken)))
        .Bind("Mutation", "approveConsultation", c => Change<ApproveConsultation>(c, (h, a, id) =>
            h.HandleAsync(a, new ApproveConsultationRequest(id), c.CancellationToken)))
        .Bind("Mutation", "returnConsultationToDraft", c => Change<ReturnConsultationToDraft>(c, (h, a, id) =>
            h.HandleAsync(a, new ReturnConsultationToDraftRequest(id), c.CancellationToken)))
        .Bind("Mutation", "scheduleConsultation", c => Change<ScheduleConsultation>(c, (h, a, id) =>
            h.HandleAsync(a, new ScheduleConsultationRequest(id), c.CancellationToken)))
        .Bind("Mutation", "openConsultationNow", c => Change<OpenConsultationNow>(c, (h, a, id) =>
            h.HandleAsync(a, new OpenConsultationNowRequest(id), c.CancellationToken)))
        .Bind("Mutation", "closeConsultationEarly", c => Change<CloseConsultationEarly>(c, (h, a, id) =>
            h.HandleAsync(a, new CloseConsultationEarlyRequest(id), c.CancellationToken)))
        .Bind("Mutation", "extendConsultationClosingDate", c => Change<ExtendConsultationClosingDate>(c, (h, a, id) =>
            h.HandleAsync(a, new ExtendConsultationClosingDateRequest(id, (DateTimeOffset)c.Arguments["closesAt"]!), c.CancellationToken)))
        .Bind("Mutation", "reopenConsultation", c => Change<ReopenConsultation>(c, (h, a, id) =>
            h.HandleAsync(a, new ReopenConsultationRequest(id, (DateTimeOffset)c.Arguments["closesAt"]!), c.CancellationToken)))
        .Bind("Mutation", "archiveConsultation", c => Change<ArchiveConsultation>(c, (h, a, id) =>
            h.HandleAsync(a, new ArchiveConsultationRequest(id), c.CancellationToken)));

    /// <summary>
    /// Runs a consultation-changing use case for the signed-in member of staff and makes its payload: the
    /// consultation on success, else the errors (access refusals included) in the request's language.
    /// </summary>
    private static async ValueTask<object?> Change<THandler>(
        IResolveFieldContext context,
        Func<THandler, StaffActor, ConsultationId, Task<Result<Consultation>>> run,
        bool needsId = true)
        where THandler : notnull
    {
        var text = ApiServices.Of(context).GetRequiredService<Text>();
        if (ApiActor.Of(context) is not { } actor)
        {
            return new ConsultationPayload(null, [UserErrors.SignInRequired(text)]);
        }

        var id = ApiInput.Id(context, "id");
        if (needsId && id is null)
        {
            return new ConsultationPayload(null, UserErrors.From([ApiInput.NotFound("id")], text));
        }

        await using var scope = ApiServices.Begin(context);
        var result = await run(scope.Get<THandler>(), actor, new ConsultationId(id ?? Guid.Empty));
        return result.TryGetValue(out var consultation)
            ? new ConsultationPayload(consultation, [])
            : new ConsultationPayload(null, UserErrors.From(result.Errors, text));
    }

    private static async ValueTask<object?> ReadinessAsync(IResolveFieldContext context)
    {
        var actor = ApiActor.Required(context);
        if (ApiInput.Id(context, "id") is not { } id)
        {
            return null;
        }

        await using var scope = ApiServices.Begin(context);
        var result = await scope.Get<CheckConsultationReadiness>().HandleAsync(actor, new ConsultationId(id), context.CancellationToken);
        return result.TryGetValue(out var report) ? UserErrors.From(report.Problems, scope.Get<Text>()) : ApiErrors.Refused(result.Errors, scope.Get<Text>());
    }

    private static async ValueTask<object?> ExportAsync(IResolveFieldContext context)
    {
        var actor = ApiActor.Required(context);
        if (ApiInput.Id(context, "id") is not { } id)
        {
            return null;
        }

        await using var scope = ApiServices.Begin(context);
        var result = await scope.Get<ExportConsultation>().HandleAsync(actor, new ConsultationId(id), context.CancellationToken);
        return result.TryGetValue(out var exported) ? exported.Json : ApiErrors.Refused(result.Errors, scope.Get<Text>());
    }
}
