var builder = WebApplication.CreateBuilder(args);

builder.AddPrivacyPreservingLogging();
builder.AddLocalisation();
builder.AddSecurityHeaders();
builder.AddRateLimits();
builder.AddExitThisPage();
builder.AddHealth();
builder.AddWebPages();

var app = builder.Build();

app.UseFriendlyErrorPages();
app.UseSecurityHeaders();
app.UseLocalisation();
app.UseRouting();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapHealth();
app.MapExitThisPage();
app.MapWebPages();

app.Run();

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the integration tests.</summary>
public partial class Program;
