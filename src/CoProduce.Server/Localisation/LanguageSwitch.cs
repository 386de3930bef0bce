using Microsoft.AspNetCore.Diagnostics;

namespace CoProduce.Server.Localisation;

/// <summary>The address of the page being shown, in the other language (same path, same query).</summary>
public static class LanguageSwitch
{
    public static string OtherLanguageUrl(HttpContext context)
    {
        var request = context.Request;
        var welsh = context.Features.Get<LanguagePrefixFeature>() is { Welsh: true };

        // On an error page shown by re-execution, switch the page the person asked for, not /error/…
        var reExecute = context.Features.Get<IStatusCodeReExecuteFeature>();
        var pathBase = new PathString(reExecute?.OriginalPathBase ?? request.PathBase.Value);
        var path = new PathString(reExecute?.OriginalPath ?? request.Path.Value);
        var query = reExecute is null ? request.QueryString : new QueryString(reExecute.OriginalQueryString);

        var welshPrefix = "/" + Cultures.WelshPathSegment;
        string target;
        if (welsh)
        {
            var basePath = pathBase.Value ?? "";
            if (basePath.EndsWith(welshPrefix, StringComparison.OrdinalIgnoreCase))
            {
                basePath = basePath[..^welshPrefix.Length];
            }
            target = new PathString(basePath).Add(path).Value ?? "/";
        }
        else
        {
            target = pathBase.Add(welshPrefix).Add(path == "/" ? PathString.Empty : path).Value ?? welshPrefix;
        }
        if (target.Length == 0)
        {
            target = "/";
        }
        return target + query.Value;
    }
}
