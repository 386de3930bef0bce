using System.Globalization;
using System.Text.RegularExpressions;

namespace CoProduce.GraphQL;

/// <summary>
/// A message the engine can produce: a stable key (for hosts to translate, e.g. a key in a .resx file), and its
/// English text as a composite format string (<c>{0}</c>, <c>{1}</c>…) worded as graphql-js words it. Every
/// template is listed in <see cref="GraphQLMessages.All"/>.
/// </summary>
public sealed partial class MessageTemplate
{
    /// <summary>A template; hosts and transports may declare their own (keys outside <c>GraphQL.</c>'s engine ones).</summary>
    public MessageTemplate(string key, string english)
    {
        Key = key;
        English = english;
        var count = 0;
        foreach (Match match in Placeholder().Matches(english))
        {
            count = Math.Max(count, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1);
        }

        ArgumentCount = count;
    }

    /// <summary>The stable key, e.g. <c>GraphQL.Validation.FieldNotDefined</c>.</summary>
    public string Key { get; }

    /// <summary>The English text (composite format): what <see cref="GraphQLError.Message"/> says.</summary>
    public string English { get; }

    /// <summary>How many arguments the message takes: one more than its highest placeholder.</summary>
    public int ArgumentCount { get; }

    /// <summary>The message with these arguments (strings, numbers or nested <see cref="GraphQLMessage"/>s).</summary>
    public GraphQLMessage With(params object?[] arguments)
    {
        if (arguments.Length != ArgumentCount)
        {
            // A defect in the engine, not something a request can cause.
            throw new ArgumentException($"{Key} takes {ArgumentCount} arguments, not {arguments.Length}.", nameof(arguments));
        }

        return new GraphQLMessage(this, arguments);
    }

    public override string ToString() => Key;

    // Placeholders, not escaped braces: "{{" is a literal brace.
    [GeneratedRegex(@"(?<!\{)\{(\d+)[^{}]*\}")]
    private static partial Regex Placeholder();
}

/// <summary>
/// One message: a <see cref="MessageTemplate"/> and its arguments. An argument is text taken from the request or
/// the schema (names, values, token descriptions: never translated), a number, or a nested message (e.g. a "Did
/// you mean" suggestion, or the reason inside a coercion error), which is translated with its parent.
/// </summary>
public sealed class GraphQLMessage
{
    private string? _english;

    internal GraphQLMessage(MessageTemplate template, object?[] arguments)
    {
        Template = template;
        Arguments = arguments;
    }

    public MessageTemplate Template { get; }

    public string Key => Template.Key;

    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>
    /// The message in another language: <paramref name="lookup"/> gives the format string for a key (null when it
    /// has none: English is used), nested messages are translated the same way, and numbers are formatted with
    /// <paramref name="provider"/>. A translation that does not format (a defect in a resource) falls back to English.
    /// </summary>
    public string Format(Func<string, string?> lookup, IFormatProvider? provider = null)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var arguments = new object?[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i] is GraphQLMessage nested ? nested.Format(lookup, provider) : Arguments[i];
        }

        if (lookup(Key) is { } format)
        {
            try
            {
                return string.Format(provider ?? CultureInfo.InvariantCulture, format, arguments);
            }
            catch (FormatException)
            {
                // Fall through to English.
            }
        }

        return string.Format(CultureInfo.InvariantCulture, Template.English, arguments);
    }

    /// <summary>The English text, exactly as graphql-js words it.</summary>
    public override string ToString() => _english ??= Format(static _ => null);

    /// <summary>Text that is already a message of its own (e.g. a custom scalar's), passed where a nested message goes.</summary>
    internal static object Of(string? text, GraphQLMessage? message) => (object?)message ?? text ?? string.Empty;
}
