using System.Runtime.CompilerServices;
using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.Core.Staff;
using CoProduce.GraphQL.Execution;
using CoProduce.GraphQL.Types;
using CoProduce.Server.Localisation;
using ErrorCodes = CoProduce.Core.Common.ErrorCodes;

namespace CoProduce.Server.Api;

/// <summary>Responses for staff (counts, list, one response, key in, delete) and the live count subscription.</summary>
public static class ResponseResolvers
{
    /// <summary>A response as the API shows it (<c>Response</c>).</summary>
    public sealed record ResponseNode(
        string Id,
        DateOnly SubmittedOn,
        ResponseChannel Channel,
        RespondingAs RespondingAs,
        string? OrganisationName,
        bool? MayQuote,
        bool? DoNotPublishNameOrAddress,
        int AnswerCount,
        IReadOnlyList<AnswerNode> Answers,
        IReadOnlyList<string> SkippedSections);

    /// <summary>An answer (<c>Answer</c>): exactly one of the values is set.</summary>
    public sealed record AnswerNode(string QuestionId, string? Text, IReadOnlyList<string>? Choices, decimal? Number, IReadOnlyList<string>? Ranking);

    /// <summary>The payload of <c>deleteResponse</c>.</summary>
    public sealed record DeleteResponsePayload(string? DeletedResponseId, IReadOnlyList<UserError> Errors);

    public static SchemaBuilder BindResponses(this SchemaBuilder schema) => schema
        .Bind("Consultation", "responseCounts", CountsAsync)
        .Bind("Consultation", "responses", ResponsesAsync)
        .Bind("Consultation", "response", ResponseAsync)
        .Bind("Mutation", "keyInResponse", KeyInAsync)
        .Bind("Mutation", "deleteResponse", DeleteAsync)
        .BindSubscription("responseCountChanged", SubscribeCountsAsync)
        .Bind("Subscription", "responseCountChanged", context => new ValueTask<object?>(context.Source))
        .BindEnum<ResponseChannel>("ResponseChannel");

    private static async ValueTask<object?> CountsAsync(IResolveFieldContext context)
    {
        var actor = ApiActor.Required(context);
        await using var scope = ApiServices.Begin(context);
        var result = await scope.Get<CountResponses>().HandleAsync(actor, ((Consultation)context.Source!).Id, context.CancellationToken);
        return result.TryGetValue(out var counts) ? counts : ApiErrors.Refused(result.Errors, scope.Get<Text>());
    }

    private static async ValueTask<object?> ResponsesAsync(IResolveFieldContext context)
    {
        var actor = ApiActor.Required(context);
        var text = ApiServices.Of(context).GetRequiredService<Text>();
        var (offset, count) = Paging.Window(context.Arguments.GetValueOrDefault("first") as int? ?? ListResponses.DefaultLimit, context.Arguments.GetValueOrDefault("after") as string, text);
        await using var scope = ApiServices.Begin(context);
        var result = await scope.Get<ListResponses>().HandleAsync(
            actor, new ListResponsesRequest(((Consultation)context.Source!).Id, offset, Math.Max(count, 1)), context.CancellationToken);
        if (!result.TryGetValue(out var page))
        {
            return ApiErrors.Refused(result.Errors, text);
        }

        var nodes = page.Items.Take(count)
            .Select(r => new ResponseNode(r.Id.ToString(), r.SubmittedOn, r.Channel, r.RespondingAs, r.OrganisationName, null, null, r.AnswerCount, [], []))
            .ToArray();
        return Paging.Build(nodes, offset, page.Total);
    }

    private static async ValueTask<object?> ResponseAsync(IResolveFieldContext context)
    {
        var actor = ApiActor.Required(context);
        if (ApiInput.Id(context, "id") is not { } id)
        {
            return null;
        }

        await using var scope = ApiServices.Begin(context);
        var result = await scope.Get<GetResponse>().HandleAsync(
            actor, new GetResponseRequest(((Consultation)context.Source!).Id, new ResponseId(id)), context.CancellationToken);
        if (!result.TryGetValue(out var view))
        {
            return result.FirstError!.Code == ErrorCodes.ResponseNotFound ? null : ApiErrors.Refused(result.Errors, scope.Get<Text>());
        }

        var response = view.Response;
        return new ResponseNode(
            response.Id.ToString(),
            response.SubmittedOn,
            response.Channel,
            response.Choices.RespondingAs,
            response.Choices.OrganisationName,
            response.Choices.MayQuote,
            response.Choices.DoNotPublishNameOrAddress,
            response.Answers.Answers.Count,
            response.Answers.Answers.Select(kv => Answer(kv.Key, kv.Value)).ToArray(),
            response.SkippedSections.Select(s => s.Value).ToArray());
    }

    private static AnswerNode Answer(QuestionId id, Core.Consultations.Answer answer) => answer switch
    {
        TextAnswer t => new AnswerNode(id.Value, t.Text, null, null, null),
        ChoiceAnswer c => new AnswerNode(id.Value, null, c.Values, null, null),
        NumberAnswer n => new AnswerNode(id.Value, null, null, n.Value, null),
        RankingAnswer r => new AnswerNode(id.Value, null, null, null, r.Ranked),
        _ => new AnswerNode(id.Value, null, null, null, null),
    };

    private static async ValueTask<object?> KeyInAsync(IResolveFieldContext context)
    {
        var text = ApiServices.Of(context).GetRequiredService<Text>();
        if (ApiActor.Of(context) is not { } actor)
        {
            return new SubmissionResolvers.SubmitResponsePayload(null, [UserErrors.SignInRequired(text)]);
        }

        if (ApiInput.Id(context, "id") is not { } id)
        {
            return new SubmissionResolvers.SubmitResponsePayload(null, UserErrors.From([ApiInput.NotFound("id")], text));
        }

        var input = (IReadOnlyDictionary<string, object?>)context.Arguments["input"]!; // Non-null argument.
        var request = new KeyInResponseRequest(
            new ConsultationId(id),
            (ResponseChannel)input["channel"]!,
            (DateOnly)input["receivedOn"]!,
            SubmissionResolvers.Choices(input.GetValueOrDefault("choices") as IReadOnlyDictionary<string, object?>),
            SubmissionResolvers.FormValues(input.GetValueOrDefault("answers") as IEnumerable<object?> ?? []));
        await using var scope = ApiServices.Begin(context);
        var result = await scope.Get<KeyInResponse>().HandleAsync(actor, request, context.CancellationToken);
        if (!result.TryGetValue(out var submitted))
        {
            return new SubmissionResolvers.SubmitResponsePayload(null, UserErrors.From(result.Errors, text));
        }

        return new SubmissionResolvers.SubmitResponsePayload(
            new SubmissionResolvers.Receipt(submitted.ReceiptCode.Display, submitted.SubmittedOn, submitted.ConsultationReference), []);
    }

    private static async ValueTask<object?> DeleteAsync(IResolveFieldContext context)
    {
        var text = ApiServices.Of(context).GetRequiredService<Text>();
        if (ApiActor.Of(context) is not { } actor)
        {
            return new DeleteResponsePayload(null, [UserErrors.SignInRequired(text)]);
        }

        if (ApiInput.Id(context, "id") is not { } id || ApiInput.Id(context, "responseId") is not { } responseId)
        {
            return new DeleteResponsePayload(null, UserErrors.From([ApiInput.NotFound("id")], text));
        }

        await using var scope = ApiServices.Begin(context);
        var result = await scope.Get<DeleteResponse>().HandleAsync(
            actor, new DeleteResponseRequest(new ConsultationId(id), new ResponseId(responseId)), context.CancellationToken);
        if (result.IsFailure)
        {
            return new DeleteResponsePayload(null, UserErrors.From(result.Errors, text));
        }

        return new DeleteResponsePayload(responseId.ToString(), []);
    }

    /// <summary>
    /// The counts now, then after every change the notifier signals. Access is checked when subscribing and again
    /// for every event (a revoked assignment ends the stream with the refusal).
    /// </summary>
    private static async ValueTask<IAsyncEnumerable<object?>> SubscribeCountsAsync(IResolveFieldContext context)
    {
        var actor = ApiActor.Required(context);
        var services = ApiServices.Of(context);
        var text = services.GetRequiredService<Text>();
        if (ApiInput.Id(context, "consultationId") is not { } guid)
        {
            throw new GraphQLException(text[ErrorCodes.NotFound], "NOT_FOUND");
        }

        var id = new ConsultationId(guid);
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var first = await CountAsync(scopes, actor, id, text, context.CancellationToken);
        return Stream(first, services.GetRequiredService<ResponseNotifier>(), scopes, actor, id, text, context.CancellationToken);
    }

    private static async IAsyncEnumerable<object?> Stream(
        ResponseCounts first, ResponseNotifier notifier, IServiceScopeFactory scopes, StaffActor actor, ConsultationId id, Text text,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Listen before the first count is sent, so no change between the two is missed.
        await using var changes = notifier.ListenAsync(id, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var next = changes.MoveNextAsync();
        yield return first;
        while (await next)
        {
            yield return await CountAsync(scopes, actor, id, text, cancellationToken);
            next = changes.MoveNextAsync();
        }
    }

    private static async Task<ResponseCounts> CountAsync(IServiceScopeFactory scopes, StaffActor actor, ConsultationId id, Text text, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CountResponses>().HandleAsync(actor, id, cancellationToken);
        if (result.TryGetValue(out var counts))
        {
            return counts;
        }

        var error = result.Errors[0];
        throw new GraphQLException(UserErrors.From(error, text).Message, error.Code == ErrorCodes.Forbidden ? "FORBIDDEN" : "NOT_FOUND");
    }
}
