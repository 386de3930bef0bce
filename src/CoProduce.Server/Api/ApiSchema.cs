using CoProduce.GraphQL.Types;

namespace CoProduce.Server.Api;

/// <summary>The CoProduce schema: <c>Api/schema.graphql</c> (embedded in this assembly) bound to the resolvers of each area.</summary>
public static class ApiSchema
{
    public const string ResourceName = "CoProduce.Server.Api.schema.graphql";

    /// <summary>The schema's SDL, exactly as written in <c>src/CoProduce.Server/Api/schema.graphql</c>.</summary>
    public static string Sdl { get; } = ReadSdl();

    public static Schema Build() => new SchemaBuilder()
        .AddSdl(Sdl)
        .AddScalar(new DateScalar())
        .AddScalar(new DateTimeScalar())
        .BindConsultations()
        .BindSubmissions()
        .BindStaff()
        .BindAuthoring()
        .BindResponses()
        .BindWorkshops()
        .BindOutcomeFrameworks()
        .Build();

    private static string ReadSdl()
    {
        using var stream = typeof(ApiSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
