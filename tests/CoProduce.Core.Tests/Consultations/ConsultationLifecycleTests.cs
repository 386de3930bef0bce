using CoProduce.Core.Common;
using CoProduce.Core.Consultations;
using CoProduce.Testing;

namespace CoProduce.Core.Tests.Consultations;

public sealed class ConsultationLifecycleTests
{
    private static readonly DateTimeOffset Opens = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = new(2026, 6, 12, 17, 0, 0, TimeSpan.Zero);

    private static Consultation Create(bool requiresApproval = false)
    {
        var d = SampleConsultation.Definition("WG12345", Opens, Closes);
        return new Consultation(ConsultationId.New(), "WG12345", d.ToDetails(), d.Questionnaire, d.IssuedOn, Opens, Closes, Audience.Public, Jurisdiction.Wales, CommissioningPhase.Analyse, requiresApproval);
    }

    [Fact]
    public void Constructor_NewConsultation_IsDraftAndNotAcceptingResponses()
    {
        var consultation = Create();

        Assert.Equal(ConsultationStatus.Draft, consultation.Status);
        Assert.False(consultation.IsAcceptingResponses(Opens.AddDays(1)));
        Assert.False(consultation.IsPublished);
    }

    [Fact]
    public void Constructor_ClosingBeforeOpening_Throws()
    {
        var d = SampleConsultation.Definition("WG1", Opens, Closes);

        Assert.Throws<ArgumentException>(() => new Consultation(ConsultationId.New(), "WG1", d.ToDetails(), d.Questionnaire, d.IssuedOn, Closes, Opens, Audience.Public, Jurisdiction.Wales, CommissioningPhase.Plan, false));
    }

    [Theory]
    [InlineData(-1, ConsultationStatus.Scheduled)]
    [InlineData(0, ConsultationStatus.Open)]
    [InlineData(24 * 20, ConsultationStatus.Open)]
    public void StatusAt_ScheduledConsultation_OpensByClock(int hoursAfterOpening, ConsultationStatus expected)
    {
        var consultation = Create();
        consultation.Schedule();

        Assert.Equal(expected, consultation.StatusAt(Opens.AddHours(hoursAfterOpening)));
    }

    [Fact]
    public void IsAcceptingResponses_AtClosingTime_IsFalse()
    {
        var consultation = Create();
        consultation.Schedule();

        Assert.True(consultation.IsAcceptingResponses(Closes.AddTicks(-1)));
        Assert.False(consultation.IsAcceptingResponses(Closes));
        Assert.Equal(ConsultationStatus.Closed, consultation.StatusAt(Closes));
    }

    [Fact]
    public void CatchUpWithClock_AfterClosing_PersistsClosed()
    {
        var consultation = Create();
        consultation.Schedule();

        Assert.True(consultation.CatchUpWithClock(Opens.AddDays(1)));
        Assert.Equal(ConsultationStatus.Open, consultation.Status);
        Assert.True(consultation.CatchUpWithClock(Closes.AddMinutes(1)));
        Assert.Equal(ConsultationStatus.Closed, consultation.Status);
        Assert.False(consultation.CatchUpWithClock(Closes.AddDays(1)));
    }

    [Fact]
    public void Schedule_ApprovalRequired_ReturnsApprovalRequired()
    {
        var consultation = Create(requiresApproval: true);

        var result = consultation.Schedule();

        Assert.Equal(ErrorCodes.ConsultationApprovalRequired, result.FirstError?.Code);
        Assert.Equal(ConsultationStatus.Draft, consultation.Status);
    }

    [Fact]
    public void Approve_AwaitingApproval_SchedulesAndRecordsDate()
    {
        var consultation = Create(requiresApproval: true);
        Assert.True(consultation.SubmitForApproval().IsSuccess);

        var result = consultation.Approve(new DateOnly(2026, 4, 20));

        Assert.True(result.IsSuccess);
        Assert.Equal(ConsultationStatus.Scheduled, consultation.Status);
        Assert.Equal(new DateOnly(2026, 4, 20), consultation.ApprovedOn);
    }

    [Fact]
    public void ReturnToDraft_AwaitingApproval_GoesBackToDraft()
    {
        var consultation = Create(requiresApproval: true);
        consultation.SubmitForApproval();

        Assert.True(consultation.ReturnToDraft().IsSuccess);
        Assert.Equal(ConsultationStatus.Draft, consultation.Status);
    }

    [Fact]
    public void SubmitForApproval_NoApprovalNeeded_ReturnsInvalidTransition()
    {
        Assert.Equal(ErrorCodes.ConsultationInvalidTransition, Create().SubmitForApproval().FirstError?.Code);
    }

    [Fact]
    public void Approve_Draft_ReturnsInvalidTransition()
    {
        var result = Create(requiresApproval: true).Approve(new DateOnly(2026, 4, 20));

        Assert.Equal(ErrorCodes.ConsultationInvalidTransition, result.FirstError?.Code);
        Assert.Equal(["Draft", "Scheduled"], result.FirstError?.Arguments.Select(a => a.ToString()));
    }

    [Fact]
    public void StartAnalysis_WhileOpen_ReturnsInvalidTransition()
    {
        var consultation = Create();
        consultation.Schedule();

        Assert.Equal(ErrorCodes.ConsultationInvalidTransition, consultation.StartAnalysis(Opens.AddDays(1)).FirstError?.Code);
    }

    [Fact]
    public void PublishFindings_AfterClosingAndAnalysis_Succeeds()
    {
        var consultation = Create();
        consultation.Schedule();

        Assert.True(consultation.StartAnalysis(Closes.AddDays(1)).IsSuccess);
        Assert.True(consultation.PublishFindings().IsSuccess);
        Assert.Equal(ConsultationStatus.FindingsPublished, consultation.StatusAt(Closes.AddDays(2)));
        Assert.False(consultation.PublishFindings().IsSuccess);
    }

    [Fact]
    public void Sections_EqualityMonitoringOn_EndsWithEqualitySection()
    {
        var consultation = Create();

        Assert.Equal(EqualityMonitoring.SectionId, consultation.Sections[^1].Id);
        Assert.Equal(3, consultation.Sections.Count);
    }
}
