namespace Microsoft.Extensions.Hosting;

public static class ErrorPagesExtensions
{
    /// <summary>
    /// Every error becomes the localised page at <c>/error/{code}</c>, in the language of the address,
    /// with the original status code: unhandled exceptions (500, never a stack trace, even in
    /// development), unknown addresses (404), failed antiforgery checks (400), rate limits (429).
    /// </summary>
    public static WebApplication UseFriendlyErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
