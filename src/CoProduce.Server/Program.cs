using CoProduce.Core;
using CoProduce.Server.Commands;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCoProduceCore(builder.Configuration, seedDemoContent: builder.Environment.IsDevelopment());
if (ImportCommand.Matches(args)) { Environment.ExitCode = await ImportCommand.RunAsync(args, builder.Configuration); return; }
var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok());
app.Run();

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the integration tests.</summary>
public partial class Program;
