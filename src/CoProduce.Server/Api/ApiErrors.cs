using CoProduce.Core.Common;
using CoProduce.GraphQL.Execution;
using CoProduce.Server.Localisation;
using ErrorCodes = CoProduce.Core.Common.ErrorCodes;

namespace CoProduce.Server.Api;

/// <summary>Core errors on fields that are not mutation payloads.</summary>
internal static class ApiErrors
{
    /// <summary>
    /// Null for "not found" (the field then reads null, revealing nothing); any other refusal fails the field with
    /// a localised error whose code is the Core code (<c>Error.Forbidden</c>...).
    /// </summary>
    public static object? Refused(IReadOnlyList<Error> errors, Text text)
    {
        var first = errors[0];
        if (first.Code is ErrorCodes.NotFound or ErrorCodes.ConsultationNotFound or ErrorCodes.WorkshopNotFound or ErrorCodes.FrameworkNotFound)
        {
            return null;
        }

        var message = UserErrors.From(first, text);
        throw new GraphQLException(message.Message, first.Code == ErrorCodes.Forbidden ? "FORBIDDEN" : "BAD_USER_INPUT",
            new Dictionary<string, object?> { ["errorCode"] = first.Code });
    }
}
