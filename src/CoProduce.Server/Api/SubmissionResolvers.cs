using System.Globalization;
using CoProduce.Core.Consultations;
using CoProduce.Core.Responses;
using CoProduce.GraphQL.Types;
using CoProduce.Server.Localisation;

namespace CoProduce.Server.Api;

/// <summary>Anonymous response submission (<c>Mutation.submitResponse</c>), through the <see cref="SubmitCompleteResponse"/> use case.</summary>
public static class SubmissionResolvers
{
    public static SchemaBuilder BindSubmissions(this SchemaBuilder schema) => schema
        .Bind("Mutation", "submitResponse", SubmitResponseAsync)
        .BindEnum<RespondingAs>("RespondingAs");

    /// <summary>The payload of <c>submitResponse</c>.</summary>
    public sealed record SubmitResponsePayload(Receipt? Receipt, IReadOnlyList<UserError> Errors);

    /// <summary>The receipt of an accepted response.</summary>
    public sealed record Receipt(string Code, DateOnly SubmittedOn, string ConsultationReference);

    private static async ValueTask<object?> SubmitResponseAsync(IResolveFieldContext context)
    {
        var input = (IReadOnlyDictionary<string, object?>)context.Arguments["input"]!; // Non-null argument.
        await using var scope = ApiServices.Begin(context);
        var request = new CompleteResponseRequest(
            (string)input["consultationReference"]!, // Non-null input field.
            FormValues(Items(input.GetValueOrDefault("answers"))),
            Items(input.GetValueOrDefault("skippedSections")).Select(s => new SectionId((string)s!)).ToArray(),
            Choices(input.GetValueOrDefault("choices") as IReadOnlyDictionary<string, object?>));
        var result = await scope.Get<SubmitCompleteResponse>().HandleAsync(request, context.CancellationToken);
        var text = scope.Get<Text>();
        return result.TryGetValue(out var submitted)
            ? new SubmitResponsePayload(new Receipt(submitted.ReceiptCode.Display, submitted.SubmittedOn, submitted.ConsultationReference), [])
            : new SubmitResponsePayload(null, UserErrors.From(result.Errors, text));
    }

    /// <summary>
    /// Typed answers as the section forms would post them, so Core validates them exactly as it validates
    /// the web journey: text as one value, choices as values, a number in invariant notation, a ranking as
    /// <c>option:rank</c> values. Two answers to one question are posted together (and refused by the
    /// validator where a question takes one value).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> FormValues(IEnumerable<object?> answers)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var item in answers)
        {
            var answer = (IReadOnlyDictionary<string, object?>)item!; // A list of non-null input objects.
            var questionId = (string)answer["questionId"]!;
            var value = (IReadOnlyDictionary<string, object?>)answer["value"]!;
            if (!values.TryGetValue(questionId, out var posted))
            {
                values[questionId] = posted = [];
            }

            // @oneOf: exactly one field is present, and it is not null.
            var (kind, given) = value.Single();
            switch (kind)
            {
                case "text":
                    posted.Add((string)given!);
                    break;
                case "number":
                    posted.Add(((double)given!).ToString("R", CultureInfo.InvariantCulture));
                    break;
                case "choices":
                    posted.AddRange(Items(given).Cast<string>());
                    break;
                case "ranking":
                    posted.AddRange(Items(given).Cast<string>().Select((option, index) => RankingInput.Encode(option, index + 1)));
                    break;
            }
        }

        return values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
    }

    public static RespondentChoices Choices(IReadOnlyDictionary<string, object?>? choices) => choices is null
        ? RespondentChoices.Default
        : new RespondentChoices
        {
            RespondingAs = choices.GetValueOrDefault("respondingAs") is RespondingAs respondingAs ? respondingAs : RespondingAs.Anonymous,
            OrganisationName = choices.GetValueOrDefault("organisationName") as string,
            MayQuote = choices.GetValueOrDefault("mayQuote") is true,
            DoNotPublishNameOrAddress = choices.GetValueOrDefault("doNotPublishNameOrAddress") is true,
        };

    private static IEnumerable<object?> Items(object? list) => list as IEnumerable<object?> ?? [];
}
