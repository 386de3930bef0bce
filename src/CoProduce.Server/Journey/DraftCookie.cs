using CoProduce.Core.Privacy;
using CoProduce.Core.Responses;
using CoProduce.Server.Exit;

namespace CoProduce.Server.Journey;

/// <summary>
/// The draft session cookie: the only link between a browser and its draft. It holds a random
/// server-generated token (the database keeps only its keyed hash), lives until the browser closes,
/// and is HttpOnly, SameSite=Strict and Secure everywhere except plain-HTTP development.
/// </summary>
public static class DraftCookie
{
    public static SessionToken Read(HttpContext context) =>
        new(context.Request.Cookies[DraftSession.CookieName] ?? "");

    public static void Write(HttpContext context, SessionToken token)
    {
        var options = DraftSession.CookieOptions(context);
        var environment = context.RequestServices.GetRequiredService<IHostEnvironment>();
        options.Secure = context.Request.IsHttps || !environment.IsDevelopment();
        context.Response.Cookies.Append(DraftSession.CookieName, token.Value, options);
    }
}

/// <summary>The exit route's hook: ends the draft session behind the cookie (see <see cref="DiscardDraft"/>).</summary>
public sealed class DraftSessionTerminator(DiscardDraft discard) : IDraftSessionTerminator
{
    public async Task TerminateAsync(HttpContext context, CancellationToken cancellationToken) =>
        await discard.HandleAsync(DraftCookie.Read(context), cancellationToken);
}
