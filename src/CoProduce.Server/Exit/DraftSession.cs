namespace CoProduce.Server.Exit;

/// <summary>
/// The respondent's draft session: one strictly necessary cookie that points at the answers being
/// written. The journey pages set it (with <see cref="CookieOptions"/> from here); the exit route
/// removes it and asks every <see cref="IDraftSessionTerminator"/> to discard the draft behind it.
/// </summary>
public static class DraftSession
{
    public const string CookieName = "coproduce-draft";

    /// <summary>Options for writing the cookie: session-only, HttpOnly, SameSite=Strict, Secure by the cookie policy.</summary>
    public static CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        IsEssential = true,
        Path = "/",
    };
}

/// <summary>
/// Discards whatever server-side draft the request's draft session points at. The journey code
/// implements it; the exit route calls every registered implementation before clearing the cookie.
/// It must not throw for an unknown, expired or absent draft: leaving has to work every time.
/// </summary>
public interface IDraftSessionTerminator
{
    /// <param name="context">The exit request; its <see cref="DraftSession.CookieName"/> cookie may be absent.</param>
    Task TerminateAsync(HttpContext context, CancellationToken cancellationToken);
}
