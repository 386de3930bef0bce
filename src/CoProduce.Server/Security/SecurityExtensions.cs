using CoProduce.Server.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.CookiePolicy;

namespace Microsoft.Extensions.Hosting;

public static class SecurityExtensions
{
    /// <summary>Cookie name of the antiforgery token; strictly necessary, listed on the cookies page.</summary>
    public const string AntiforgeryCookieName = "coproduce-af";

    /// <summary>
    /// Cookie flags for every cookie we set (<c>HttpOnly</c>, <c>SameSite=Strict</c>, <c>Secure</c> except in
    /// plain-HTTP development), antiforgery, and HSTS outside development.
    /// </summary>
    public static IHostApplicationBuilder AddSecurityHeaders(this IHostApplicationBuilder builder)
    {
        var secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        builder.Services.Configure<CookiePolicyOptions>(options =>
        {
            options.MinimumSameSitePolicy = SameSiteMode.Strict;
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.Secure = secure;
            // We set strictly necessary cookies only, so there is nothing to ask consent for.
            options.CheckConsentNeeded = _ => false;
        });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = secure;
            options.HeaderName = "X-CSRF-TOKEN";
            // Our CSP's frame-ancestors and our own X-Frame-Options already forbid framing.
            options.SuppressXFrameOptionsHeader = true;
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return builder;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCookiePolicy();
        return app;
    }
}
