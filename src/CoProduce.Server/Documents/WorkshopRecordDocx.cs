using CoProduce.Core.Workshops;
using CoProduce.Server.Localisation;

namespace CoProduce.Server.Documents;

/// <summary>A workshop record as a Word document in the request's language (the same content as its page).</summary>
public static class WorkshopRecordDocx
{
    public static byte[] Build(WorkshopRecord record, Text text)
    {
        var culture = text.Culture;
        var title = record.Title.Get(culture);
        var docx = new DocxBuilder(DocxBuilder.LanguageOf(text.IsWelsh), $"{text["Record.Title"]}: {title}")
            .Heading(1, title)
            .Paragraphs(text["Record.Title"])
            .Heading(2, text["Record.Details"])
            .Labelled(text["Record.Purpose"], record.Purpose.Get(culture))
            .Labelled(text["Record.Phase"], text["Staff.Workshops.Phase." + record.Phase])
            .Labelled(text["Record.Jurisdiction"], text["Authoring.Jurisdiction." + record.Jurisdiction])
            .Labelled(text["Record.ScheduledOn"], text.Date(record.ScheduledOn));
        if (record.Consultation is { } consultation)
        {
            docx.Labelled(text["Record.Consultation"], $"{consultation.Reference}: {consultation.Title.Get(culture)}");
        }

        docx.Labelled(text["Record.State"], text["Staff.Workshops.State." + record.State])
            .Labelled(text["Record.Participants"], text.Count(record.ParticipantsAdmitted))
            .Heading(2, text["Record.Suppression"])
            .Paragraphs(text.SuppressionRule(record.Suppression))
            .Heading(3, text["Record.LeftOut"])
            .Paragraphs(text["Record.LeftOutText"])
            .Heading(2, text["Record.GroundRules"])
            .Paragraphs(record.GroundRules.Get(culture))
            .Heading(2, text["Record.Activities"]);
        if (record.Activities.Count == 0)
        {
            docx.Paragraphs(text["Record.NoActivities"]);
        }

        foreach (var activity in record.Activities)
        {
            Activity(docx, activity, text);
        }

        return docx.Build();
    }

    private static void Activity(DocxBuilder docx, RecordActivity activity, Text text)
    {
        var culture = text.Culture;
        docx.Heading(3, $"{activity.Number}. {activity.Title.Get(culture)}")
            .Labelled(text["Record.Kind"], text["Staff.Workshops.Kind." + activity.Kind]);
        if (activity.Prompt is { } prompt)
        {
            docx.Labelled(text["Record.Prompt"], prompt.Get(culture));
        }

        if (activity.ContentWarning is { } warning)
        {
            docx.Labelled(text["Record.ContentWarning"], warning.Get(culture));
        }

        if (activity.MultipleChoice)
        {
            docx.Paragraphs(text["Record.MultipleChoice"]);
        }

        if (activity.Dots is { } dots)
        {
            docx.Labelled(text["Record.Dots"], text.Number(dots));
        }

        if (activity.Voters is { } voters)
        {
            docx.Labelled(text["Record.Voters"], text.Count(voters));
        }

        if (activity.Kind is ActivityKind.Poll or ActivityKind.DotVoting or ActivityKind.Ranking)
        {
            if (activity.Kind == ActivityKind.Ranking)
            {
                docx.Paragraphs(text["Record.RankingNote"]);
            }

            docx.Table(
                activity.Title.Get(culture),
                [text["Record.Column.Item"], text.CountColumn(activity.Kind)],
                activity.Items.Select(i => (IReadOnlyList<Cell>)[i.Label.Get(culture), text.Count(i.Count)]));
        }

        if (activity.Kind == ActivityKind.IdeaBoard)
        {
            if (activity.Themes.Count == 0)
            {
                docx.Paragraphs(text["Record.NoIdeas"]);
            }

            foreach (var theme in activity.Themes)
            {
                docx.Heading(4, theme.Name is null ? text["Record.NoTheme"] : text.Format("Record.Theme", theme.Name));
                foreach (var idea in theme.Ideas)
                {
                    docx.Bullet(idea.Text, 0, idea.Language, text.Format("Record.Idea", idea.Number));
                    foreach (var merged in idea.Merged)
                    {
                        docx.Bullet(merged.Text, 1, merged.Language, text.Format("Record.MergedIdea", merged.Number));
                    }
                }
            }
        }

        if (activity.Framework is { } framework)
        {
            docx.Labelled(text["Record.Framework"], framework.Title.Get(culture))
                .Labelled(text["Record.VersionReached"], framework.VersionReached is { } v ? text.Number(v) : text["Record.NoVersion"]);
            if (framework.Accepted.Count == 0)
            {
                docx.Paragraphs(text["Record.NoneAccepted"]);
            }
            else
            {
                docx.Table(
                    text["Record.Accepted"],
                    [text["Record.Column.Proposal"], text["Record.Column.ProposalKind"], text["Record.Column.Support"]],
                    framework.Accepted.Select(p => (IReadOnlyList<Cell>)[new Cell(p.Text, p.Language), text["Record.ProposalKind." + p.Kind], text.Count(p.Support)]));
            }
        }
    }
}
