using CoProduce.GraphQL.AspNetCore.TestHost;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// Serves the test schema on loopback (a free port unless --urls says otherwise) and prints
// "GRAPHQL_URL=http://127.0.0.1:PORT/graphql" once listening, for the conformance harness.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}

builder.Services.AddTestGraphQL();
var app = builder.Build();
app.UseTestGraphQL();
await app.StartAsync();
// Kestrel always provides the addresses feature.
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"GRAPHQL_URL={address}/graphql");
await app.WaitForShutdownAsync();
