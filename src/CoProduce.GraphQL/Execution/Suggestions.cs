using System.Text;

namespace CoProduce.GraphQL.Execution;

/// <summary>"Did you mean" hints worded and ranked as graphql-js does (Damerau–Levenshtein within a threshold).</summary>
internal static class Suggestions
{
    private const int MaxSuggestions = 5;

    /// <summary>The options close to <paramref name="input"/>, nearest first, ties in natural order.</summary>
    public static List<string> List(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var inputLower = input.ToLowerInvariant();
        var found = new List<(string Option, int Distance)>();
        foreach (var option in options)
        {
            var distance = Measure(input, inputLower, option, threshold);
            if (distance is { } d)
            {
                found.Add((option, d));
            }
        }

        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance - b.Distance : NaturalCompare(a.Option, b.Option));
        return found.ConvertAll(f => f.Option);
    }

    /// <summary><c> Did you mean "a", "b", or "c"?</c> (with <paramref name="subMessage"/> before the names), or empty.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions, string? subMessage = null)
    {
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(" Did you mean ");
        if (subMessage is not null)
        {
            builder.Append(subMessage).Append(' ');
        }

        var count = Math.Min(suggestions.Count, MaxSuggestions);
        if (count == 1)
        {
            return builder.Append('"').Append(suggestions[0]).Append("\"?").ToString();
        }

        if (count == 2)
        {
            return builder.Append('"').Append(suggestions[0]).Append("\" or \"").Append(suggestions[1]).Append("\"?")
                .ToString();
        }

        for (var i = 0; i < count - 1; i++)
        {
            builder.Append('"').Append(suggestions[i]).Append("\", ");
        }

        return builder.Append("or \"").Append(suggestions[count - 1]).Append("\"?").ToString();
    }

    private static int? Measure(string input, string inputLower, string option, int threshold)
    {
        if (input == option)
        {
            return 0;
        }

        var optionLower = option.ToLowerInvariant();
        if (inputLower == optionLower)
        {
            return 1;
        }

        var a = optionLower;
        var b = inputLower;
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        if (a.Length - b.Length > threshold)
        {
            return null;
        }

        var rows = new int[3][];
        for (var r = 0; r < 3; r++)
        {
            rows[r] = new int[b.Length + 1];
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var up = rows[(i - 1) % 3];
            var current = rows[i % 3];
            var smallest = current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var cell = Math.Min(Math.Min(up[j] + 1, current[j - 1] + 1), up[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    cell = Math.Min(cell, rows[(i - 2) % 3][j - 2] + 1);
                }

                smallest = Math.Min(smallest, cell);
                current[j] = cell;
            }

            if (smallest > threshold)
            {
                return null;
            }
        }

        var distance = rows[a.Length % 3][b.Length];
        return distance <= threshold ? distance : null;
    }

    /// <summary>graphql-js's <c>naturalCompare</c>: digit runs compare by number, other characters by code.</summary>
    internal static int NaturalCompare(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                var startA = i;
                var startB = j;
                while (i < a.Length && char.IsAsciiDigit(a[i]))
                {
                    i++;
                }

                while (j < b.Length && char.IsAsciiDigit(b[j]))
                {
                    j++;
                }

                var numA = double.Parse(a.AsSpan(startA, i - startA), provider: System.Globalization.CultureInfo.InvariantCulture);
                var numB = double.Parse(b.AsSpan(startB, j - startB), provider: System.Globalization.CultureInfo.InvariantCulture);
                if (numA != numB)
                {
                    return numA < numB ? -1 : 1;
                }
            }
            else
            {
                if (a[i] != b[j])
                {
                    return a[i] < b[j] ? -1 : 1;
                }

                i++;
                j++;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
