using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Core.Privacy;
using CoProduce.Core.Storage;

namespace CoProduce.Core.Responses;

/// <summary>
/// Skips a content-warned section: any answers already given in it are removed (the person chose
/// not to answer), and it is recorded as skipped. Returns the next section, or null after the last.
/// </summary>
public sealed class SkipSection(CoProduceDbContext db, TimeProvider time, DraftAccess drafts)
{
    public async Task<Result<SectionId?>> HandleAsync(SessionToken sessionToken, SectionId sectionId, CancellationToken cancellationToken = default)
    {
        var found = await drafts.FindWritableAsync(db, sessionToken, cancellationToken);
        if (found.IsFailure)
        {
            return Result<SectionId?>.Failure(found.Errors);
        }

        var (draft, consultation) = found.Value;
        var section = consultation.FindSection(sectionId);
        if (section is null)
        {
            return new Error(ErrorCodes.SectionNotFound, sectionId.Value);
        }

        if (!section.CanBeSkipped)
        {
            return new Error(ErrorCodes.SectionNotSkippable, sectionId.Value);
        }

        draft.Skip(section, DraftAccess.Today(time));
        await db.SaveChangesAsync(cancellationToken);
        var sections = consultation.Sections;
        var index = sections.ToList().FindIndex(s => s.Id == sectionId);
        return Result<SectionId?>.Success(index + 1 < sections.Count ? sections[index + 1].Id : null);
    }
}
