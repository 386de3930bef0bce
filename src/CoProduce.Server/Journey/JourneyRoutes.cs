namespace CoProduce.Server.Journey;

/// <summary>Page names of the journey, for links and redirects.</summary>
public static class JourneyPages
{
    public const string List = "/Consultations/Index";
    public const string Details = "/Consultations/Details";
    public const string BeforeYouStart = "/Consultations/BeforeYouStart";
    public const string Section = "/Consultations/Section";
    public const string ContentWarning = "/Consultations/ContentWarning";
    public const string AboutYou = "/Consultations/AboutYou";
    public const string CheckAnswers = "/Consultations/CheckAnswers";
    public const string NoDraft = "/Consultations/NoDraft";
    public const string Resume = "/Consultations/Resume";
    public const string Withdraw = "/Consultations/Withdraw";
    public const string Withdrawn = "/Consultations/Withdrawn";

    /// <summary>Query value of <c>return</c> that brings a section back to check your answers.</summary>
    public const string ReturnToCheck = "check";

    /// <summary>Query value of <c>notice</c> after an answer to a question that did not apply was dropped.</summary>
    public const string NoticeDiscarded = "discarded";
}
