using CoProduce.Core.Consultations;

namespace CoProduce.Testing;

/// <summary>
/// A small, valid consultation definition with one question of every type, a content-warned
/// section, a condition and (optionally) the equality module — for tests of any project.
/// </summary>
public static class SampleConsultation
{
    public static readonly SectionId Services = new("services");
    public static readonly SectionId Experience = new("experience");

    public static readonly QuestionId UsedServices = new("used-services");
    public static readonly QuestionId WhichServices = new("which-services");
    public static readonly QuestionId Town = new("town");
    public static readonly QuestionId Story = new("story");
    public static readonly QuestionId Rating = new("rating");
    public static readonly QuestionId Priorities = new("priorities");
    public static readonly QuestionId MilesTravelled = new("miles-travelled");
    public static readonly QuestionId Support = new("support");

    public static LocalizedText T(string en) => new(en, $"[cy] {en}");

    public static ConsultationDefinition Definition(
        string reference,
        DateTimeOffset opensAt,
        DateTimeOffset closesAt,
        Jurisdiction jurisdiction = Jurisdiction.Wales,
        bool equalityMonitoring = true,
        bool requiredQuestion = false,
        Audience audience = Audience.Public) => new()
        {
            Reference = reference,
            Title = T($"Consultation {reference}"),
            Summary = T("A short summary."),
            Body = T("The **body**."),
            IssuingBody = T("A regional partnership"),
            IssuedOn = DateOnly.FromDateTime(opensAt.UtcDateTime),
            OpensAt = opensAt,
            ClosesAt = closesAt,
            Audience = audience,
            Jurisdiction = jurisdiction,
            Phase = CommissioningPhase.Analyse,
            FormsOfViolence = jurisdiction == Jurisdiction.Wales ? ["wales.rape-sexual-assault"] : ["england.rape-sexual-offences"],
            HowToRespond = new HowToRespond { Online = true, Email = "consult@example.org" },
            Contact = new ContactDetails { Name = T("The team"), Email = "consult@example.org" },
            Documents =
            [
                new ReadAlongsideDocument { Title = T("Needs assessment"), Url = new("https://example.org/en.pdf", "https://example.org/cy.pdf"), Format = "PDF", SizeBytes = 123_456 },
            ],
            DataProtection = new DataProtectionNotice
            {
                Controller = T("The controller"),
                LawfulBasis = T("Public task"),
                WhoSeesResponses = T("The team"),
                ResponsesMayBePublished = true,
                Publication = T("A summary is published"),
                RedactionOnRequest = T("Names and addresses are removed on request"),
                FreedomOfInformation = T("FOI may apply"),
                Rights = T("You have rights"),
                Regulator = new RegulatorContact { Name = T("Information Commissioner's Office"), Website = "https://ico.org.uk" },
            },
            Questionnaire = new Questionnaire
            {
                EqualityMonitoring = equalityMonitoring,
                Sections =
                [
                    new Section
                    {
                        Id = Services,
                        Title = T("Services"),
                        Questions =
                        [
                            new Question { Id = UsedServices, Type = QuestionType.YesNoNotSure, Text = T("Have you used a service?"), Required = requiredQuestion, RequiredReason = requiredQuestion ? T("We need it") : null },
                            new Question
                            {
                                Id = WhichServices,
                                Type = QuestionType.MultipleChoice,
                                Text = T("Which services?"),
                                Options = [new("isva", T("ISVA")), new("counselling", T("Counselling")), new("helpline", T("Helpline")), new("none", T("None of these")) { Exclusive = true }],
                                ShowWhen = new DisplayCondition(UsedServices, ["yes"]),
                            },
                            new Question { Id = Town, Type = QuestionType.ShortText, Text = T("Nearest town"), MaxLength = 40 },
                            new Question { Id = MilesTravelled, Type = QuestionType.Number, Text = T("Miles travelled"), Number = new NumberSettings { Min = 0, Max = 500, IntegerOnly = true } },
                            new Question
                            {
                                Id = Priorities,
                                Type = QuestionType.Ranking,
                                Text = T("Rank these"),
                                Options = [new("speed", T("Being seen quickly")), new("near", T("Near home")), new("welsh", T("In Welsh"))],
                            },
                        ],
                    },
                    new Section
                    {
                        Id = Experience,
                        Title = T("Your experience"),
                        ContentWarning = T("This section asks about sexual violence."),
                        Questions =
                        [
                            new Question { Id = Story, Type = QuestionType.LongText, Text = T("Tell us") },
                            new Question { Id = Rating, Type = QuestionType.Scale, Text = T("How good?"), Scale = new ScaleSettings(1, 5, T("Poor"), T("Good")) },
                            new Question
                            {
                                Id = Support,
                                Type = QuestionType.SingleChoice,
                                Text = T("Did you get support?"),
                                Options = [new("yes-quickly", T("Yes, quickly")), new("yes-slowly", T("Yes, slowly")), new("no", T("No"))],
                            },
                        ],
                    },
                ],
            },
        };

    /// <summary>Posted form values, as a page would pass them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Form(params (QuestionId Question, string[] Values)[] values) =>
        values.ToDictionary(v => v.Question.Value, v => (IReadOnlyList<string>)v.Values);
}
