using CoProduce.Server.Commands;

var builder = WebApplication.CreateBuilder(args);

builder.AddPrivacyPreservingLogging();
builder.AddLocalisation();
builder.AddSecurityHeaders();
builder.AddRateLimits();
builder.AddExitThisPage();
builder.AddHealth();
builder.AddWebPages();
builder.AddConsultations();
builder.AddStaff();
builder.AddWorkshops();
builder.AddGraphQLApi();

// `dotnet run --project src/CoProduce.Server -- import FILE` imports a consultation and exits.
if (ImportCommand.Matches(args))
{
    Environment.ExitCode = await ImportCommand.RunAsync(args, builder.Configuration);
    return;
}

// `dotnet run --project src/CoProduce.Server -- create-admin --email X --organisation Y` creates an administrator and exits.
if (CreateAdminCommand.Matches(args))
{
    Environment.ExitCode = await CreateAdminCommand.RunAsync(args, builder.Configuration, Console.Out, Console.Error);
    return;
}

var app = builder.Build();

app.UseFriendlyErrorPages();
app.UseSecurityHeaders();
app.UseLocalisation();
app.UseRouting();
app.UseStaffAuthentication();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapHealth();
app.MapExitThisPage();
app.MapWebPages();
app.MapStaffPasskeys();
app.MapWorkshops();
app.MapGraphQLApi();

app.Run();

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the integration tests.</summary>
public partial class Program;
