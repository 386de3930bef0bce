using CoProduce.Core.Privacy;
using CoProduce.Server.Exit;

namespace CoProduce.Server.Workshops;

/// <summary>
/// The participant's seat in a workshop: a random token (the database keeps only its keyed hash) in a
/// session cookie, HttpOnly and SameSite=Strict, Secure everywhere except plain-HTTP development. The
/// exit route's Clear-Site-Data removes it with every other cookie.
/// </summary>
public static class ParticipantCookie
{
    public const string Name = "coproduce-workshop";

    public static SessionToken? Read(HttpContext context) =>
        context.Request.Cookies[Name] is { Length: > 0 } value ? new SessionToken(value) : null;

    public static void Write(HttpContext context, SessionToken token)
    {
        var options = DraftSession.CookieOptions(context);
        var environment = context.RequestServices.GetRequiredService<IHostEnvironment>();
        options.Secure = context.Request.IsHttps || !environment.IsDevelopment();
        context.Response.Cookies.Append(Name, token.Value, options);
    }

    public static void Delete(HttpContext context) => context.Response.Cookies.Delete(Name, DraftSession.CookieOptions(context));
}
