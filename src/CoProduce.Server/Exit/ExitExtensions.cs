using CoProduce.Server.Exit;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class ExitExtensions
{
    public const string ExitPath = "/exit";

    public static IHostApplicationBuilder AddExitThisPage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExitOptions>()
            .BindConfiguration(ExitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    /// <summary>
    /// <c>GET /exit</c> (a plain link, so it works without JavaScript): discards the draft, deletes the
    /// draft cookie, tells the browser to clear our cache, cookies and storage, and sends the person
    /// to the neutral site with 303 See Other.
    /// </summary>
    public static IEndpointRouteBuilder MapExitThisPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExitPath, ExitAsync).DisableAntiforgery().WithName("Exit");
        return endpoints;
    }

    private static async Task ExitAsync(
        HttpContext context,
        IEnumerable<IDraftSessionTerminator> terminators,
        IOptions<ExitOptions> options,
        ILoggerFactory loggers)
    {
        foreach (var terminator in terminators)
        {
            try
            {
                await terminator.TerminateAsync(context, context.RequestAborted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Leaving must always work; the draft expires on its own if discarding failed.
                loggers.CreateLogger("CoProduce.Exit").LogError(exception, "Discarding a draft on exit failed");
            }
        }
        context.Response.Cookies.Delete(DraftSession.CookieName, DraftSession.CookieOptions(context));
        context.Response.Headers["Clear-Site-Data"] = "\"cache\", \"cookies\", \"storage\"";
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = options.Value.RedirectUrl;
    }
}
