using System.Globalization;
using CoProduce.Core.Consultations;
using CoProduce.GraphQL.Types;
using CoProduce.Server.Localisation;

namespace CoProduce.Server.Api;

/// <summary>The languages a client may ask for (<c>Language</c> in the schema).</summary>
public enum ApiLanguage
{
    En,
    Cy,
}

/// <summary>Public reads: open consultations, one consultation, and the fields of a consultation and its questionnaire.</summary>
public static class ConsultationResolvers
{
    public static SchemaBuilder BindConsultations(this SchemaBuilder schema) => schema
        .Bind("Query", "openConsultations", OpenConsultationsAsync)
        .Bind("Query", "consultation", ConsultationAsync)
        .BindType("Consultation", typeof(ConsultationFields), null)
        .BindType("LocalizedText", typeof(LocalizedTextFields), null)
        .BindType("Section", typeof(SectionFields), null)
        .BindType("Question", typeof(QuestionFields), null)
        .BindType("DisplayCondition", typeof(DisplayConditionFields), null)
        .BindEnum<ConsultationStatus>("ConsultationStatus")
        .BindEnum<Audience>("Audience")
        .BindEnum<Jurisdiction>("Jurisdiction")
        .BindEnum<CommissioningPhase>("CommissioningPhase")
        .BindEnum<QuestionType>("QuestionType")
        .BindEnum<ApiLanguage>("Language");

    private static async ValueTask<object?> OpenConsultationsAsync(IResolveFieldContext context)
    {
        var services = ApiServices.Of(context);
        var text = services.GetRequiredService<Text>();
        var (first, after) = (context.Arguments.GetValueOrDefault("first") as int?, context.Arguments.GetValueOrDefault("after") as string);
        Paging.Window(first, after, text);
        var open = await services.GetRequiredService<PublicConsultations>().OpenAsync(context.CancellationToken);
        return Paging.Page(open, first, after, text);
    }

    private static async ValueTask<object?> ConsultationAsync(IResolveFieldContext context)
    {
        var lookup = (IReadOnlyDictionary<string, object?>)context.Arguments["by"]!; // Non-null argument: always present.
        await using var scope = ApiServices.Begin(context);
        return await scope.Get<ConsultationFinder>().FindAsync(ApiActor.Of(context), lookup.GetValueOrDefault("id") as string, lookup.GetValueOrDefault("reference") as string, context.CancellationToken);
    }

    /// <summary>Fields of <c>Consultation</c> that are not plain properties of <see cref="Consultation"/>.</summary>
    public sealed class ConsultationFields
    {
        public static string Id(Consultation parent) => parent.Id.Value.ToString();

        public static LocalizedText Title(Consultation parent) => parent.Details.Title;

        public static LocalizedText Summary(Consultation parent) => parent.Details.Summary;

        public static LocalizedText Body(Consultation parent) => parent.Details.Body;

        public static LocalizedText IssuingBody(Consultation parent) => parent.Details.IssuingBody;

        public static LocalizedText? NeutralPageTitle(Consultation parent) => parent.Details.NeutralPageTitle;

        public static ConsultationStatus Status(Consultation parent, TimeProvider time) => parent.StatusAt(time.GetUtcNow());

        public static bool AcceptingResponses(Consultation parent, TimeProvider time) => parent.IsAcceptingResponses(time.GetUtcNow());

        public static IReadOnlyList<string> FormsOfViolence(Consultation parent) => parent.Details.FormsOfViolence;

        public static HowToRespond HowToRespond(Consultation parent) => parent.Details.HowToRespond;

        public static ContactDetails Contact(Consultation parent) => parent.Details.Contact;

        public static IReadOnlyList<ReadAlongsideDocument> Documents(Consultation parent) => parent.Details.Documents;

        public static DataProtectionNotice DataProtection(Consultation parent) => parent.Details.DataProtection;

        public static QuestionnaireView Questionnaire(Consultation parent) =>
            new(parent.Questionnaire.EqualityMonitoring, parent.Sections);
    }

    /// <summary>A questionnaire as the API shows it: the sections including the equality section for the jurisdiction.</summary>
    public sealed record QuestionnaireView(bool EqualityMonitoring, IReadOnlyList<Section> Sections);

    public sealed class LocalizedTextFields
    {
        public static string Text(LocalizedText parent, ApiLanguage? language) => language switch
        {
            ApiLanguage.Cy => parent.Cy,
            ApiLanguage.En => parent.En,
            _ => parent.Get(CultureInfo.CurrentUICulture),
        };
    }

    public sealed class SectionFields
    {
        public static string Id(Section parent) => parent.Id.Value;
    }

    public sealed class QuestionFields
    {
        public static string Id(Question parent) => parent.Id.Value;

        public static IReadOnlyList<ChoiceOption> Options(Question parent) => parent.EffectiveOptions;

        public static int? MaxLength(Question parent) => parent.IsText ? parent.EffectiveMaxLength : null;
    }

    public sealed class DisplayConditionFields
    {
        public static string QuestionId(DisplayCondition parent) => parent.Question.Value;
    }
}
