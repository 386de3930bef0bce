namespace CoProduce.GraphQL.Validation;

/// <summary>
/// "Did you mean" suggestions, ranked and worded as graphql-js's <c>suggestionList</c> and <c>didYouMean</c> so that
/// messages agree with the reference implementation.
/// </summary>
internal static class Suggestions
{
    private const int MaxSuggestions = 5;

    /// <summary>The options close to <paramref name="input"/>, closest first (ties in natural order).</summary>
    public static List<string> List(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var inputLower = input.ToLowerInvariant();
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        int[]? rows = null;
        foreach (var option in options)
        {
            if (found.ContainsKey(option))
            {
                continue;
            }

            var distance = Measure(input, inputLower, option, threshold, ref rows);
            if (distance >= 0)
            {
                found[option] = distance;
            }
        }

        var result = new List<string>(found.Keys);
        result.Sort((a, b) =>
        {
            var diff = found[a] - found[b];
            return diff != 0 ? diff : NaturalCompare(a, b);
        });
        return result;
    }

    /// <summary>
    /// " Did you mean "a", "b", or "c"?" as a message to append (the last argument of the message it completes),
    /// or an empty string when there is nothing to suggest.
    /// </summary>
    public static object DidYouMean(IReadOnlyList<string> suggestions, SuggestionKind kind = SuggestionKind.Name)
    {
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }

        var (single, pair, list) = kind switch
        {
            SuggestionKind.InlineFragment => (GraphQLMessages.DidYouMeanInlineFragmentSingle,
                GraphQLMessages.DidYouMeanInlineFragmentPair, GraphQLMessages.DidYouMeanInlineFragmentList),
            SuggestionKind.EnumValue => (GraphQLMessages.DidYouMeanEnumValueSingle, GraphQLMessages.DidYouMeanEnumValuePair,
                GraphQLMessages.DidYouMeanEnumValueList),
            _ => (GraphQLMessages.DidYouMeanSingle, GraphQLMessages.DidYouMeanPair, GraphQLMessages.DidYouMeanList),
        };
        if (suggestions.Count == 1)
        {
            return single.With(Quote(suggestions[0]));
        }

        if (suggestions.Count == 2)
        {
            return pair.With(Quote(suggestions[0]), Quote(suggestions[1]));
        }

        // The quoted names but the last, joined by commas (a list of identifiers, the same in every language).
        var count = Math.Min(suggestions.Count, MaxSuggestions);
        var parts = new string[count - 1];
        for (var i = 0; i < count - 1; i++)
        {
            parts[i] = Quote(suggestions[i]);
        }

        return list.With(string.Join(", ", parts), Quote(suggestions[count - 1]));
    }

    /// <summary>graphql-js's <c>naturalCompare</c>: digit runs compare as numbers.</summary>
    public static int NaturalCompare(string a, string b)
    {
        int ai = 0, bi = 0;
        while (ai < a.Length && bi < b.Length)
        {
            var ac = a[ai];
            var bc = b[bi];
            if (char.IsAsciiDigit(ac) && char.IsAsciiDigit(bc))
            {
                long an = 0;
                do
                {
                    ++ai;
                    an = (an * 10) + ac - '0';
                    ac = ai < a.Length ? a[ai] : '\0';
                }
                while (char.IsAsciiDigit(ac) && an > 0);

                long bn = 0;
                do
                {
                    ++bi;
                    bn = (bn * 10) + bc - '0';
                    bc = bi < b.Length ? b[bi] : '\0';
                }
                while (char.IsAsciiDigit(bc) && bn > 0);

                if (an != bn)
                {
                    return an < bn ? -1 : 1;
                }
            }
            else
            {
                if (ac != bc)
                {
                    return ac < bc ? -1 : 1;
                }

                ++ai;
                ++bi;
            }
        }

        return a.Length - b.Length;
    }

    private static string Quote(string s) => "\"" + s + "\"";

    /// <summary>Damerau–Levenshtein (optimal string alignment) distance, case-insensitive; -1 when above the threshold.</summary>
    private static int Measure(string input, string inputLower, string option, int threshold, ref int[]? rows)
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
            return -1;
        }

        var width = b.Length + 1;
        if (rows is null || rows.Length < 3 * width)
        {
            rows = new int[3 * Math.Max(width, 16)];
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var up = ((i - 1) % 3) * width;
            var current = (i % 3) * width;
            var smallest = rows[current] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var cell = Math.Min(Math.Min(rows[up + j] + 1, rows[current + j - 1] + 1), rows[up + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    cell = Math.Min(cell, rows[(((i - 2) % 3) * width) + j - 2] + 1);
                }

                if (cell < smallest)
                {
                    smallest = cell;
                }

                rows[current + j] = cell;
            }

            if (smallest > threshold)
            {
                return -1;
            }
        }

        var distance = rows[((a.Length % 3) * width) + b.Length];
        return distance <= threshold ? distance : -1;
    }
}

/// <summary>What a "Did you mean" suggestion offers: names, types for an inline fragment, or enum values.</summary>
internal enum SuggestionKind
{
    Name,
    InlineFragment,
    EnumValue,
}
