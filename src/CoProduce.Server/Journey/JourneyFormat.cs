using System.Globalization;
using CoProduce.Core.Consultations;
using CoProduce.Server.Localisation;
using CoProduce.Server.Pages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CoProduce.Server.Journey;

/// <summary>Formatting the journey shares: UK dates and times, page titles, answers for reading.</summary>
public static class JourneyFormat
{
    private static readonly TimeZoneInfo UkTime = FindUkTime();

    /// <summary>UK time (Europe/London), where consultations open and close.</summary>
    public static TimeZoneInfo UkZone => UkTime;

    /// <summary>The moment in UK time (consultations close at a UK wall-clock time).</summary>
    public static DateTimeOffset InUk(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, UkTime);

    /// <summary>E.g. "5:00pm on 3 March 2027" / "5:00yh ar 3 Mawrth 2027", from the locales.</summary>
    public static string ClosingTime(Text text, DateTimeOffset moment)
    {
        var uk = InUk(moment);
        var time = uk.ToString("H:mm", CultureInfo.InvariantCulture);
        return text.Format("Journey.DateTime", time, text.Date(DateOnly.FromDateTime(uk.DateTime)));
    }

    public static string Date(Text text, DateTimeOffset moment) => text.Date(DateOnly.FromDateTime(InUk(moment).DateTime));

    /// <summary>
    /// The page title, or the consultation's neutral title when it has one, so the tab and the history
    /// say nothing about the subject on a shared device.
    /// </summary>
    public static void SetTitle(ViewDataDictionary viewData, Consultation? consultation, string title)
    {
        if (consultation?.Details.NeutralPageTitle is { } neutral)
        {
            viewData.SetTitle(neutral.Current);
        }
        else
        {
            viewData.SetTitle(title);
        }

        viewData.MarkRespondentPage();
    }

    /// <summary>When the page shows errors, the tab and history say so too: "Error: …" (GOV.UK pattern).</summary>
    public static void TitleErrors(ViewDataDictionary viewData, PageErrors errors, Text text)
    {
        if (errors.Any)
        {
            viewData.SetTitle(text.Format("Journey.ErrorTitle", viewData.Title()));
        }
    }

    /// <summary>An answer as lines of text for check your answers (each line HTML-encoded by Razor).</summary>
    public static IReadOnlyList<string> AnswerLines(Text text, Question question, Answer? answer)
    {
        switch (answer)
        {
            case null:
                return [];
            case TextAnswer t:
                return t.Text.Split('\n');
            case ChoiceAnswer c:
                return c.Values.Select(v => OptionLabel(question, v)).ToArray();
            case RankingAnswer r:
                return r.Ranked.Select((v, i) => text.Format("Journey.Answer.Rank", i + 1, OptionLabel(question, v))).ToArray();
            case NumberAnswer n:
                var number = n.Value.ToString("G", CultureInfo.CurrentCulture);
                if (question.Type == QuestionType.Scale && question.Scale is { } scale)
                {
                    return [text.Format("Journey.Answer.ScalePoint", number, scale.Max)];
                }

                return [question.Number?.Unit is { } unit ? $"{number} {unit.Current}" : number];
            default:
                return [];
        }
    }

    private static string OptionLabel(Question question, string value) =>
        question.EffectiveOptions.FirstOrDefault(o => o.Value == value)?.Label.Current ?? value;

    private static TimeZoneInfo FindUkTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            // Without tz data, UTC is at most an hour out; the date shown is still the stored one.
            return TimeZoneInfo.Utc;
        }
    }
}
