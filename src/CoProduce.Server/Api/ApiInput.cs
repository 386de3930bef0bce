using System.Text.Json;
using CoProduce.Core.Common;
using CoProduce.GraphQL.Types;

namespace CoProduce.Server.Api;

/// <summary>Arguments as Core's request records.</summary>
internal static class ApiInput
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>
    /// A GraphQL input object as a Core record. The input types mirror the definition file's shapes (and so the
    /// records' JSON shapes): the coerced input goes through System.Text.Json into the record.
    /// </summary>
    public static T To<T>(object? input) =>
        JsonSerializer.SerializeToElement(input, Options).Deserialize<T>(Options)
            ?? throw new InvalidOperationException($"A non-null input gave no {typeof(T).Name}."); // GraphQL checked the input is non-null.

    /// <summary>An id argument as a Guid, or null when it is not one (callers answer "not found").</summary>
    public static Guid? Id(IResolveFieldContext context, string name) =>
        Guid.TryParse(context.Arguments.GetValueOrDefault(name) as string, out var id) ? id : null;

    public static string String(IResolveFieldContext context, string name) => (string)context.Arguments[name]!;

    public static Error NotFound(string field) => new(ErrorCodes.NotFound, field);
}
