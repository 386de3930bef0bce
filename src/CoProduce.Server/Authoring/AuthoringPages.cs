using CoProduce.Core.Consultations;

namespace CoProduce.Server.Authoring;

/// <summary>Page names of the authoring pages, for <c>asp-page</c> and <c>RedirectToPage</c>.</summary>
public static class AuthoringPages
{
    public const string List = "/Staff/Consultations/Index";
    public const string Create = "/Staff/Consultations/Create";
    public const string Import = "/Staff/Consultations/Import";
    public const string Overview = "/Staff/Consultations/Overview";
    public const string Settings = "/Staff/Consultations/Settings";
    public const string Details = "/Staff/Consultations/Content";
    public const string Questionnaire = "/Staff/Consultations/Questionnaire";
    public const string Section = "/Staff/Consultations/Section";
    public const string Question = "/Staff/Consultations/Question";
    public const string Preview = "/Staff/Consultations/Preview";
    public const string Readiness = "/Staff/Consultations/Readiness";
    public const string Lifecycle = "/Staff/Consultations/Lifecycle";
    public const string Export = "/Staff/Consultations/Export";
    public const string Responses = "/Staff/Consultations/Responses";
    public const string Response = "/Staff/Consultations/Response";
    public const string KeyIn = "/Staff/Consultations/KeyIn";
}

/// <summary>The lifecycle buttons; the route slug is the lower-case name.</summary>
public enum LifecycleAction
{
    Submit,
    Approve,
    ReturnToDraft,
    Schedule,
    Open,
    Close,
    Extend,
    Reopen,
    Archive,
}

public static class LifecycleActions
{
    /// <summary>The actions that make sense in a status (permissions are checked separately).</summary>
    public static IReadOnlyList<LifecycleAction> For(Consultation consultation, ConsultationStatus status) => status switch
    {
        ConsultationStatus.Draft when consultation.RequiresApproval => [LifecycleAction.Submit],
        ConsultationStatus.Draft => [LifecycleAction.Schedule, LifecycleAction.Open],
        ConsultationStatus.AwaitingApproval => [LifecycleAction.Approve, LifecycleAction.ReturnToDraft],
        ConsultationStatus.Scheduled => [LifecycleAction.Open, LifecycleAction.Extend, LifecycleAction.ReturnToDraft],
        ConsultationStatus.Open => [LifecycleAction.Extend, LifecycleAction.Close],
        ConsultationStatus.Closed => [LifecycleAction.Reopen, LifecycleAction.Archive],
        ConsultationStatus.Analysing or ConsultationStatus.FindingsPublished => [LifecycleAction.Archive],
        _ => [],
    };

    /// <summary>Extending and reopening ask for a new closing date.</summary>
    public static bool NeedsClosingDate(LifecycleAction action) => action is LifecycleAction.Extend or LifecycleAction.Reopen;

    public static string Slug(LifecycleAction action) => action.ToString().ToLowerInvariant();

    public static LifecycleAction? Parse(string? slug) =>
        Enum.GetValues<LifecycleAction>().FirstOrDefault(a => Slug(a) == slug) is var action && Slug(action) == slug ? action : null;
}
