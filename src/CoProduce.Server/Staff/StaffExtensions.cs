using CoProduce.Core;
using CoProduce.Core.Storage;
using CoProduce.Server.Security;
using CoProduce.Server.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class StaffExtensions
{
    /// <summary>The policy scheme that picks the API token (bearer header) or the staff cookie.</summary>
    public const string StaffScheme = "Staff";

    public const string CookieName = "coproduce-staff";

    /// <summary>
    /// Paths where staff authentication runs (after the <c>/cy</c> prefix is removed). Everywhere else —
    /// every respondent route — the request is never authenticated, so no staff identity is seen there.
    /// The workshop hub is on the list because facilitators connect to it with their staff cookie;
    /// participants carry no staff credential, so for them it reads nothing (their seat cookie is
    /// read by the hub itself).
    /// </summary>
    public static readonly PathString[] AuthenticatedPaths = [new("/staff"), new("/graphql"), new(WorkshopHubExtensions.HubPath)];

    /// <summary>
    /// Staff accounts with ASP.NET Core Identity (its own context on the same database), the staff
    /// cookie and the <c>ApiToken</c> bearer scheme, policies, <see cref="ICurrentStaff"/>, and demo
    /// accounts in Development. Call after <c>AddConsultations</c> (the demo accounts need migrations).
    /// </summary>
    public static IHostApplicationBuilder AddStaff(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName).ValidateOnStart();
        services.AddStaffIdentityStore(builder.Configuration);

        var secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAuthentication(StaffScheme)
            .AddPolicyScheme(StaffScheme, StaffScheme, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies(cookies =>
            {
                cookies.ApplicationCookie?.Configure(o =>
                {
                    o.Cookie.Name = CookieName;
                    // "/" whatever the language prefix of the sign-in page: /staff, /cy/staff,
                    // /graphql and the workshop hub share it (docs/security.md, "Session").
                    o.Cookie.Path = "/";
                    o.Cookie.HttpOnly = true;
                    o.Cookie.SameSite = SameSiteMode.Strict;
                    o.Cookie.SecurePolicy = secure;
                    o.LoginPath = "/staff/sign-in";
                    o.LogoutPath = "/staff/sign-out";
                    o.SlidingExpiration = true;
                    // A signed-in person without the right role gets the 403 page, not a sign-in loop.
                    o.Events.OnRedirectToAccessDenied = context =>
                    {
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return Task.CompletedTask;
                    };
                });
                cookies.TwoFactorUserIdCookie?.Configure(o =>
                {
                    o.Cookie.Name = CookieName + "-2fa";
                    o.Cookie.Path = "/";
                    o.Cookie.SameSite = SameSiteMode.Strict;
                    o.Cookie.SecurePolicy = secure;
                });
                cookies.TwoFactorRememberMeCookie?.Configure(o =>
                {
                    o.Cookie.Name = CookieName + "-2fa-remember";
                    o.Cookie.Path = "/";
                    o.Cookie.SameSite = SameSiteMode.Strict;
                    o.Cookie.SecurePolicy = secure;
                });
                cookies.ExternalCookie?.Configure(o => o.Cookie.Name = CookieName + "-external");
            });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<StaffOptions>>((cookie, staff) => cookie.ExpireTimeSpan = staff.Value.SessionLifetime);
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<StaffOptions>>((validator, staff) => validator.ValidationInterval = staff.Value.RevalidateEvery);

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, policy => policy.RequireAuthenticatedUser().RequireClaim(StaffClaims.Roles))
            .AddPolicy(StaffPolicies.Administrator, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                StaffClaims.ToActor(context.User)?.Has(CoProduce.Core.Staff.StaffRoles.Administrator) == true));

        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options =>
        {
            // Every page under /staff needs a signed-in staff member, /staff/admin an administrator;
            // the sign-in pages opt out with [AllowAnonymous].
            options.Conventions.AuthorizeFolder("/Staff", StaffPolicies.Staff);
            options.Conventions.AuthorizeFolder("/Staff/Admin", StaffPolicies.Administrator);
            options.Conventions.AddFolderApplicationModelConvention("/Staff", model => model.Filters.Add(new MustChangePasswordFilter()));
        });

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentStaff, CurrentStaff>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<StaffPasskeys>();
        services.AddScoped<StaffTwoFactor>();

        if (builder.Environment.IsDevelopment())
        {
            services.AddHostedService<DemoStaffAccounts>();
        }

        return builder;
    }

    /// <summary>Identity's user store and managers (also used by the create-admin command, without the web host).</summary>
    public static IServiceCollection AddStaffIdentityStore(this IServiceCollection services, IConfiguration configuration)
    {
        // Identity's token providers (password reset, two-factor) protect their tokens with it; so do the staff
        // cookies and antiforgery tokens. Its keys are kept in the data folder, so a restart signs nobody out.
        services.AddPersistentDataProtection(configuration);
        // On the connection of the request's CoProduceDbContext, so that an account change and its
        // audit entry share one transaction (StaffUnitOfWork).
        services.AddDbContext<StaffIdentityDbContext>((provider, options) =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connection = provider.GetRequiredService<CoProduceDbContext>().Database.GetDbConnection();
            if (storage.Provider == StorageProvider.Postgres)
            {
                options.UseNpgsql(connection);
            }
            else
            {
                options.UseSqlite(connection);
            }
        });
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<StaffIdentityDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>()
            .Configure<IOptions<StaffOptions>>((identity, staff) =>
            {
                identity.Lockout.MaxFailedAccessAttempts = staff.Value.MaxFailedAttempts;
                identity.Lockout.DefaultLockoutTimeSpan = staff.Value.LockoutDuration;
            });
        services.AddOptions<StaffOptions>();
        // Passkeys: user verification (PIN or biometric) is required, so a passkey alone is two
        // factors; discoverable credentials let sign-in start without an email address.
        services.TryAddScoped<IPasskeyHandler<StaffUser>, PasskeyHandler<StaffUser>>();
        services.AddOptions<IdentityPasskeyOptions>()
            .Configure<IOptions<StaffOptions>>((passkeys, staff) =>
            {
                passkeys.UserVerificationRequirement = "required";
                passkeys.ResidentKeyRequirement = "required";
                passkeys.ServerDomain = staff.Value.PasskeyServerDomain;
            });
        services.AddScoped<StaffUnitOfWork>();
        return services;
    }

    /// <summary>Authenticates staff on <see cref="AuthenticatedPaths"/> only, then authorises every endpoint.</summary>
    public static WebApplication UseStaffAuthentication(this WebApplication app)
    {
        app.UseWhen(
            context => AuthenticatedPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)),
            branch => branch.UseAuthentication());
        app.UseAuthorization();
        return app;
    }
}
