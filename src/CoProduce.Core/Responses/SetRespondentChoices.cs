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
        var name = choices.RespondingAs == RespondingAs.Organisation
            ? Consultations.AnswerValidator.NormaliseText(choices.OrganisationName ?? "", multiline: false)
            : "";
        if (name.Length > RespondentChoices.MaxOrganisationNameLength)
        {
            return new Error(ErrorCodes.ChoicesOrganisationNameTooLong, nameof(RespondentChoices.OrganisationName), [RespondentChoices.MaxOrganisationNameLength, name.Length]);
        }

        var found = await drafts.FindWritableAsync(db, sessionToken, cancellationToken);
        if (found.IsFailure)
        {
            return Result.Failure(found.Errors);
        }

        found.Value.Draft.SetChoices(choices with { OrganisationName = name.Length == 0 ? null : name }, DraftAccess.Today(time));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
