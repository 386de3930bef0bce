using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.Consultations;

/// <summary>The authoring half of the state machine and the editing rules (pure domain).</summary>
public sealed class ConsultationAuthoringTests
{
    private static readonly DateTimeOffset Opens = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = new(2026, 6, 12, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BeforeOpening = Opens.AddDays(-3);
    private static readonly DateTimeOffset WhileOpen = Opens.AddDays(3);
    private static readonly DateTimeOffset AfterClosing = Closes.AddDays(1);

    private static Consultation Create(bool requiresApproval = false)
    {
        var d = SampleConsultation.Definition("WG12345", Opens, Closes);
        return new Consultation(ConsultationId.New(), "WG12345", d.ToDetails(), d.Questionnaire, d.IssuedOn, Opens, Closes, Audience.Public, Jurisdiction.Wales, CommissioningPhase.Analyse, requiresApproval);
    }

    private static Consultation Scheduled()
    {
        var consultation = Create();
        Assert.True(consultation.Schedule(BeforeOpening).IsSuccess);
        return consultation;
    }

    [Fact]
    public void OpenNow_ScheduledBeforeOpening_OpensAtNow()
    {
        var consultation = Scheduled();

        var result = consultation.OpenNow(BeforeOpening);

        Assert.True(result.IsSuccess);
        Assert.Equal(ConsultationStatus.Open, consultation.Status);
        Assert.Equal(BeforeOpening, consultation.OpensAt);
        Assert.True(consultation.IsAcceptingResponses(BeforeOpening));
    }

    [Fact]
    public void OpenNow_DraftNeedingApproval_ReturnsApprovalRequired()
    {
        var consultation = Create(requiresApproval: true);

        Assert.Equal(ErrorCodes.ConsultationApprovalRequired, consultation.OpenNow(BeforeOpening).FirstError?.Code);
        Assert.Equal(ConsultationStatus.Draft, consultation.Status);
    }

    [Fact]
    public void OpenNow_DraftWithoutApproval_Opens()
    {
        var consultation = Create();

        Assert.True(consultation.OpenNow(BeforeOpening).IsSuccess);
        Assert.Equal(ConsultationStatus.Open, consultation.StatusAt(BeforeOpening));
    }

    [Fact]
    public void OpenNow_AfterClosingTime_ReturnsClosingDateInvalid()
    {
        var consultation = Create();

        Assert.Equal(ErrorCodes.ConsultationClosingDateInvalid, consultation.OpenNow(AfterClosing).FirstError?.Code);
    }

    [Fact]
    public void Schedule_ClosingTimePassed_ReturnsClosingDateInvalid()
    {
        Assert.Equal(ErrorCodes.ConsultationClosingDateInvalid, Create().Schedule(AfterClosing).FirstError?.Code);
    }

    [Fact]
    public void CloseEarly_Open_ClosesNow()
    {
        var consultation = Scheduled();

        Assert.True(consultation.CloseEarly(WhileOpen).IsSuccess);

        Assert.Equal(ConsultationStatus.Closed, consultation.Status);
        Assert.Equal(WhileOpen, consultation.ClosesAt);
        Assert.False(consultation.IsAcceptingResponses(WhileOpen));
    }

    [Fact]
    public void CloseEarly_NotYetOpen_ReturnsInvalidTransition()
    {
        Assert.Equal(ErrorCodes.ConsultationInvalidTransition, Scheduled().CloseEarly(BeforeOpening).FirstError?.Code);
    }

    [Fact]
    public void ExtendClosingDate_Open_MovesClosingLater()
    {
        var consultation = Scheduled();

        Assert.True(consultation.ExtendClosingDate(Closes.AddDays(14), WhileOpen).IsSuccess);

        Assert.Equal(Closes.AddDays(14), consultation.ClosesAt);
        Assert.True(consultation.IsAcceptingResponses(Closes.AddDays(7)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void ExtendClosingDate_NotLater_ReturnsClosingDateInvalid(int days)
    {
        var consultation = Scheduled();

        Assert.Equal(ErrorCodes.ConsultationClosingDateInvalid, consultation.ExtendClosingDate(Closes.AddDays(days), WhileOpen).FirstError?.Code);
        Assert.Equal(Closes, consultation.ClosesAt);
    }

    [Fact]
    public void ExtendClosingDate_AfterClosing_ReturnsInvalidTransition()
    {
        Assert.Equal(ErrorCodes.ConsultationInvalidTransition, Scheduled().ExtendClosingDate(Closes.AddDays(30), AfterClosing).FirstError?.Code);
    }

    [Fact]
    public void Reopen_ClosedByClock_OpensUntilNewDate()
    {
        var consultation = Scheduled();

        Assert.True(consultation.Reopen(AfterClosing.AddDays(7), AfterClosing).IsSuccess);

        Assert.Equal(ConsultationStatus.Open, consultation.StatusAt(AfterClosing));
        Assert.Equal(AfterClosing.AddDays(7), consultation.ClosesAt);
    }

    [Fact]
    public void Reopen_NewDateInPast_ReturnsClosingDateInvalid()
    {
        var consultation = Scheduled();

        Assert.Equal(ErrorCodes.ConsultationClosingDateInvalid, consultation.Reopen(AfterClosing.AddHours(-1), AfterClosing).FirstError?.Code);
        Assert.Equal(ConsultationStatus.Closed, consultation.StatusAt(AfterClosing));
    }

    [Fact]
    public void Reopen_WhileOpen_ReturnsInvalidTransition()
    {
        Assert.Equal(ErrorCodes.ConsultationInvalidTransition, Scheduled().Reopen(Closes.AddDays(3), WhileOpen).FirstError?.Code);
    }

    [Fact]
    public void Archive_Closed_ArchivesAndStaysPublished()
    {
        var consultation = Scheduled();

        Assert.True(consultation.Archive(AfterClosing).IsSuccess);

        Assert.Equal(ConsultationStatus.Archived, consultation.StatusAt(AfterClosing.AddDays(400)));
        Assert.True(consultation.IsPublished);
        Assert.False(consultation.IsAcceptingResponses(AfterClosing));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Archive_DraftOrOpen_ReturnsInvalidTransition(bool open)
    {
        var consultation = open ? Scheduled() : Create();

        Assert.Equal(ErrorCodes.ConsultationInvalidTransition, consultation.Archive(WhileOpen).FirstError?.Code);
    }

    [Fact]
    public void ReturnToDraft_ScheduledAndApproved_WithdrawsApproval()
    {
        var consultation = Create(requiresApproval: true);
        consultation.SubmitForApproval();
        consultation.Approve(new DateOnly(2026, 4, 20));

        Assert.True(consultation.ReturnToDraft(BeforeOpening).IsSuccess);

        Assert.Equal(ConsultationStatus.Draft, consultation.Status);
        Assert.Null(consultation.ApprovedOn);
    }

    [Fact]
    public void ReturnToDraft_Open_ReturnsInvalidTransition()
    {
        Assert.Equal(ErrorCodes.ConsultationInvalidTransition, Scheduled().ReturnToDraft(WhileOpen).FirstError?.Code);
    }

    [Fact]
    public void EditScopeAt_EachStatus_FollowsTheRules()
    {
        var awaiting = Create(requiresApproval: true);
        awaiting.SubmitForApproval();

        Assert.Equal(EditScope.Everything, Create().EditScopeAt(WhileOpen));
        Assert.Equal(EditScope.Nothing, awaiting.EditScopeAt(WhileOpen));
        Assert.Equal(EditScope.TextsOnly, Scheduled().EditScopeAt(BeforeOpening));
        Assert.Equal(EditScope.TextsOnly, Scheduled().EditScopeAt(WhileOpen));
        Assert.Equal(EditScope.Nothing, Scheduled().EditScopeAt(AfterClosing));
    }

    [Fact]
    public void UpdateQuestionnaire_OpenAndOnlyWordingChanged_IsAccepted()
    {
        var consultation = Scheduled();
        var fixedTypo = consultation.Questionnaire with
        {
            Sections = [consultation.Questionnaire.Sections[0] with { Title = new("Services used", "Gwasanaethau a ddefnyddiwyd") }, .. consultation.Questionnaire.Sections.Skip(1)],
        };

        Assert.True(consultation.UpdateQuestionnaire(fixedTypo, WhileOpen).IsSuccess);
        Assert.Equal("Services used", consultation.Questionnaire.Sections[0].Title.En);
    }

    [Fact]
    public void UpdateQuestionnaire_OpenAndQuestionRemoved_ReturnsTextsOnly()
    {
        var consultation = Scheduled();
        var removed = QuestionnaireEdits.RemoveQuestion(consultation.Questionnaire, SampleConsultation.Town).Value;

        var result = consultation.UpdateQuestionnaire(removed, WhileOpen);

        Assert.Equal(ErrorCodes.AuthoringTextsOnly, result.FirstError?.Code);
        Assert.NotNull(QuestionnaireEdits.Find(consultation.Questionnaire, SampleConsultation.Town));
    }

    [Fact]
    public void UpdateDetails_OpenAndPublicationFlagChanged_ReturnsTextsOnly()
    {
        var consultation = Scheduled();
        var changed = consultation.Details with { DataProtection = consultation.Details.DataProtection with { ResponsesMayBePublished = false } };

        Assert.Equal(ErrorCodes.AuthoringTextsOnly, consultation.UpdateDetails(changed, WhileOpen).FirstError?.Code);
        Assert.True(consultation.Details.DataProtection.ResponsesMayBePublished);
    }

    [Fact]
    public void UpdateDetails_Closed_ReturnsNotEditable()
    {
        var consultation = Scheduled();
        var changed = consultation.Details with { Title = new("New", "Newydd") };

        Assert.Equal(ErrorCodes.AuthoringNotEditable, consultation.UpdateDetails(changed, AfterClosing).FirstError?.Code);
    }

    [Fact]
    public void UpdateSettings_Draft_ChangesEverySetting()
    {
        var consultation = Create();
        var settings = new ConsultationSettings("WG99", new DateOnly(2026, 7, 1), Opens.AddDays(60), Closes.AddDays(90), Audience.ServiceUsers, Jurisdiction.England, CommissioningPhase.Review, true);

        Assert.True(consultation.UpdateSettings(settings, WhileOpen).IsSuccess);

        Assert.Equal(settings, consultation.Settings);
    }

    [Fact]
    public void UpdateSettings_Scheduled_ReturnsNotEditable()
    {
        var consultation = Scheduled();

        Assert.Equal(ErrorCodes.AuthoringNotEditable, consultation.UpdateSettings(consultation.Settings with { Audience = Audience.InviteOnly }, BeforeOpening).FirstError?.Code);
    }
}
