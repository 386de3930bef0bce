using CoProduce.Core.Common;
using CoProduce.Server.Journey;
using CoProduce.Server.Localisation;

namespace CoProduce.Server.Api;

/// <summary>A problem a person can fix, as a mutation payload's <c>errors</c> lists it (<c>UserError</c>).</summary>
public sealed record UserError(string Code, string Message, string? Field);

/// <summary>Turns Core's error values into <c>UserError</c>s in the request's language.</summary>
public static class UserErrors
{
    public static IReadOnlyList<UserError> From(IReadOnlyList<Error> errors, Text text) =>
        errors.Select(error => From(error, text)).ToArray();

    /// <summary>A mutation called without a signed-in member of staff.</summary>
    public static UserError SignInRequired(Text text) => new("Api.Error.SignInRequired", text["Api.Error.SignInRequired"], null);

    public static UserError From(Error error, Text text)
    {
        var message = FieldError.From(error, text);
        return new UserError(error.Code, message.Message, error.Path);
    }
}
