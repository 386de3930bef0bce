namespace CoProduce.Bench.Submissions.Load;

/// <summary>
/// One simulated browser's cookies for the one loopback origin under test. Kept by hand rather than
/// with <c>CookieContainer</c>: the server marks its cookies <c>Secure</c> outside development, and
/// browsers treat http://127.0.0.1 as a secure context while <c>CookieContainer</c> does not.
/// </summary>
public sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public void Clear() => _cookies.Clear();

    public void Store(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var headers))
        {
            return;
        }

        foreach (var header in headers)
        {
            var end = header.IndexOf(';');
            var pair = end < 0 ? header : header[..end];
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var name = pair[..equals].Trim();
            var value = pair[(equals + 1)..].Trim();
            var expired = value.Length == 0
                || header.Contains("max-age=0", StringComparison.OrdinalIgnoreCase)
                || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (expired)
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }

    public void Apply(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
    }
}
