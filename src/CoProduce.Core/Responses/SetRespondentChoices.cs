using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;

namespace CoProduce.Core.Responses;

/// <summary>
/// Records how the respondent wants their response treated. An organisation name is kept only when
/// responding as an organisation (trimmed; empty becomes none).
/// </summary>
public sealed class SetRespondentChoices(CoProduceDbContext db, TimeProvider time, DraftAccess drafts)
{
    public async Task<Result> HandleAsync(SessionToken sessionToken, RespondentChoices choices, CancellationToken cancellationToken = default)
    {
        var normalised = Normalise(choices);
        if (normalised.IsFailure)
        {
            return Result.Failure(normalised.Errors);
        }

        var found = await drafts.FindWritableAsync(db, sessionToken, cancellationToken);
        if (found.IsFailure)
        {
            return Result.Failure(found.Errors);
        }

        found.Value.Draft.SetChoices(normalised.Value, DraftAccess.Today(time));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>The choices as they are kept: the organisation name trimmed, and only when responding as an organisation.</summary>
    internal static Result<RespondentChoices> Normalise(RespondentChoices choices)
    {
        var name = choices.RespondingAs == RespondingAs.Organisation
            ? Consultations.AnswerValidator.NormaliseText(choices.OrganisationName ?? "", multiline: false)
            : "";
        if (name.Length > RespondentChoices.MaxOrganisationNameLength)
        {
            return new Error(ErrorCodes.ChoicesOrganisationNameTooLong, nameof(RespondentChoices.OrganisationName), [RespondentChoices.MaxOrganisationNameLength, name.Length]);
        }

        return choices with { OrganisationName = name.Length == 0 ? null : name };
    }
}
