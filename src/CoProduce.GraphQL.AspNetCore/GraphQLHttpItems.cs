using System.Globalization;
using System.Security.Claims;
using CoProduce.GraphQL.Types;
using Microsoft.AspNetCore.Http;

namespace CoProduce.GraphQL.AspNetCore;

/// <summary>Keys of the items the library puts in every request's items, and helpers for resolvers to read them.</summary>
public static class GraphQLHttpItems
{
    /// <summary>The <see cref="ClaimsPrincipal"/> of the request (for WebSocket: of the connection).</summary>
    public const string User = "CoProduce.Http.User";

    /// <summary>The <see cref="Microsoft.AspNetCore.Http.HttpContext"/> (for WebSocket: the upgrade request's).</summary>
    public const string HttpContext = "CoProduce.Http.Context";

    /// <summary>The request's <see cref="CultureInfo.CurrentUICulture"/> when the operation started (for WebSocket: the upgrade request's).</summary>
    public const string Culture = "CoProduce.Http.Culture";

    /// <summary>The UI culture of the request (set by the host's request localisation), or the current culture.</summary>
    public static CultureInfo GetCulture(this IResolveFieldContext context) =>
        context.Items.TryGetValue(Culture, out var value) && value is CultureInfo culture ? culture : CultureInfo.CurrentUICulture;

    /// <summary>The principal of the request or connection; an anonymous principal when none was set.</summary>
    public static ClaimsPrincipal GetUser(this IResolveFieldContext context) =>
        context.Items.TryGetValue(User, out var value) && value is ClaimsPrincipal user
            ? user
            : new ClaimsPrincipal(new ClaimsIdentity());

    /// <summary>The HTTP context of the request (the upgrade request for WebSocket), or null outside the library.</summary>
    public static HttpContext? GetHttpContext(this IResolveFieldContext context) =>
        context.Items.TryGetValue(HttpContext, out var value) ? value as HttpContext : null;
}
