namespace CoProduce.Core.Common;

/// <summary>
/// Every error code Core returns. Each is a key in <c>locales/Strings.resx</c> and
/// <c>locales/Strings.cy.resx</c>; a test keeps the three in step.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The object does not exist, or the staff member may not know that it does.</summary>
    public const string NotFound = "Error.NotFound";

    /// <summary>The staff member may see the object but not do this with it.</summary>
    public const string Forbidden = "Error.Forbidden";

    public const string ApiTokenNameRequired = "Error.ApiToken.NameRequired";
    public const string ApiTokenNameTooLong = "Error.ApiToken.NameTooLong";

    public const string StaffEmailInvalid = "Error.Staff.EmailInvalid";
    public const string StaffEmailTaken = "Error.Staff.EmailTaken";
    public const string StaffDisplayNameRequired = "Error.Staff.DisplayNameRequired";
    public const string StaffOrganisationRequired = "Error.Staff.OrganisationRequired";
    public const string StaffRolesRequired = "Error.Staff.RolesRequired";
    public const string StaffCannotDisableSelf = "Error.Staff.CannotDisableSelf";
    public const string StaffPasswordTooWeak = "Error.Staff.PasswordTooWeak";
    public const string StaffAccountNotSaved = "Error.Staff.AccountNotSaved";
    public const string StaffPasskeyNameRequired = "Error.Staff.PasskeyNameRequired";
    public const string StaffPasskeyNotAdded = "Error.Staff.PasskeyNotAdded";
    public const string StaffPasskeyLimit = "Error.Staff.PasskeyLimit";
    public const string OrganisationNameRequired = "Error.Organisation.NameRequired";
    public const string OrganisationNameTaken = "Error.Organisation.NameTaken";
    public const string OrganisationFieldTooLong = "Error.Organisation.FieldTooLong";

    public const string ConsultationNotFound = "Error.Consultation.NotFound";
    public const string ConsultationNotOpen = "Error.Consultation.NotOpen";
    public const string ConsultationClosed = "Error.Consultation.Closed";
    public const string ConsultationInvalidTransition = "Error.Consultation.InvalidTransition";
    public const string ConsultationApprovalRequired = "Error.Consultation.ApprovalRequired";
    public const string ConsultationClosingDateInvalid = "Error.Consultation.ClosingDateInvalid";
    public const string ConsultationNotReady = "Error.Consultation.NotReady";

    public const string AuthoringNotEditable = "Error.Authoring.NotEditable";
    public const string AuthoringTextsOnly = "Error.Authoring.TextsOnly";
    public const string AuthoringInvalidPosition = "Error.Authoring.InvalidPosition";
    public const string AuthoringQuestionInUse = "Error.Authoring.QuestionInUse";
    public const string QuestionNotFound = "Error.Question.NotFound";
    public const string ResponseNotFound = "Error.Response.NotFound";

    public const string DraftNotFound = "Error.Draft.NotFound";
    public const string SectionNotFound = "Error.Section.NotFound";
    public const string SectionNotSkippable = "Error.Section.NotSkippable";

    public const string AnswerRequired = "Error.Answer.Required";
    public const string AnswerTooLong = "Error.Answer.TooLong";
    public const string AnswerInvalidChoice = "Error.Answer.InvalidChoice";
    public const string AnswerTooManyValues = "Error.Answer.TooManyValues";
    public const string AnswerExclusiveOption = "Error.Answer.ExclusiveOption";
    public const string AnswerNotANumber = "Error.Answer.NotANumber";
    public const string AnswerNotAWholeNumber = "Error.Answer.NotAWholeNumber";
    public const string AnswerOutOfRange = "Error.Answer.OutOfRange";
    public const string AnswerInvalidRank = "Error.Answer.InvalidRank";
    public const string AnswerDuplicateRank = "Error.Answer.DuplicateRank";
    public const string AnswerHiddenQuestionDiscarded = "Error.Answer.HiddenQuestionDiscarded";
    public const string AnswerUnknownQuestion = "Error.Answer.UnknownQuestion";

    public const string ChoicesOrganisationNameTooLong = "Error.Choices.OrganisationNameTooLong";

    public const string ResumeCodeNotFound = "Error.ResumeCode.NotFound";
    public const string ResumeCodeExpired = "Error.ResumeCode.Expired";
    public const string ReceiptCodeNotFound = "Error.ReceiptCode.NotFound";
    public const string CodeMalformed = "Error.Code.Malformed";

    public const string ResponseAlreadySubmitted = "Error.Response.AlreadySubmitted";
    public const string ResponseIncomplete = "Error.Response.Incomplete";

    public const string ImportInvalidJson = "Error.Import.InvalidJson";
    public const string ImportMissingValue = "Error.Import.MissingValue";
    public const string ImportInvalidValue = "Error.Import.InvalidValue";
    public const string ImportMissingTranslation = "Error.Import.MissingTranslation";
    public const string ImportDuplicateId = "Error.Import.DuplicateId";
    public const string ImportDuplicateReference = "Error.Import.DuplicateReference";
    public const string ImportInvalidReference = "Error.Import.InvalidReference";
    public const string ImportInvalidDates = "Error.Import.InvalidDates";
    public const string ImportUnknownFormOfViolence = "Error.Import.UnknownFormOfViolence";
    public const string ImportInvalidCondition = "Error.Import.InvalidCondition";
    public const string ImportInvalidQuestion = "Error.Import.InvalidQuestion";
    public const string ImportReservedId = "Error.Import.ReservedId";
    public const string ImportUnknownOrganisation = "Error.Import.UnknownOrganisation";

    public const string WorkshopNotFound = "Error.Workshop.NotFound";
    public const string WorkshopForbidden = "Error.Workshop.Forbidden";
    public const string WorkshopEnded = "Error.Workshop.Ended";
    public const string WorkshopNotLive = "Error.Workshop.NotLive";
    public const string WorkshopInvalidTransition = "Error.Workshop.InvalidTransition";
    public const string WorkshopChangedElsewhere = "Error.Workshop.ChangedElsewhere";
    public const string WorkshopTextMissing = "Error.Workshop.TextMissing";
    public const string WorkshopTextTooLong = "Error.Workshop.TextTooLong";
    public const string JoinCodeMalformed = "Error.JoinCode.Malformed";
    public const string JoinCodeNotFound = "Error.JoinCode.NotFound";
    public const string ParticipantNotFound = "Error.Participant.NotFound";
    public const string ParticipantRemoved = "Error.Participant.Removed";
    public const string ParticipantAwaitingAdmission = "Error.Participant.AwaitingAdmission";
    public const string ParticipantPseudonymTooLong = "Error.Participant.PseudonymTooLong";
    public const string ActivityNotFound = "Error.Activity.NotFound";
    public const string ActivityNotCurrent = "Error.Activity.NotCurrent";
    public const string ActivityClosed = "Error.Activity.Closed";
    public const string ActivityWrongKind = "Error.Activity.WrongKind";
    public const string ActivityOptionsInvalid = "Error.Activity.OptionsInvalid";
    public const string ActivityDotsInvalid = "Error.Activity.DotsInvalid";
    public const string ActivityInUse = "Error.Activity.InUse";
    public const string VoteInvalidChoice = "Error.Vote.InvalidChoice";
    public const string VoteOneChoiceOnly = "Error.Vote.OneChoiceOnly";
    public const string VoteTooManyDots = "Error.Vote.TooManyDots";
    public const string VoteInvalidRanking = "Error.Vote.InvalidRanking";
    public const string ContributionEmpty = "Error.Contribution.Empty";
    public const string ContributionTooLong = "Error.Contribution.TooLong";
    public const string ContributionNotFound = "Error.Contribution.NotFound";
    public const string ContributionInvalidMerge = "Error.Contribution.InvalidMerge";
    public const string FrameworkNotFound = "Error.Framework.NotFound";
    public const string FrameworkEntryNotFound = "Error.Framework.EntryNotFound";
    public const string FrameworkUnknownWellbeingCode = "Error.Framework.UnknownWellbeingCode";
    public const string FrameworkChangedElsewhere = "Error.Framework.ChangedElsewhere";
    public const string FrameworkTooManyOutcomes = "Error.Framework.TooManyOutcomes";
    public const string HubMessageRejected = "Error.Hub.MessageRejected";
    public const string HubTooManyMessages = "Error.Hub.TooManyMessages";
    public const string HubBusy = "Error.Hub.Busy";

    /// <summary>All codes, for the test that checks both resource files.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(ErrorCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!) // Literal string constants always have a value.
        .ToArray();
}
