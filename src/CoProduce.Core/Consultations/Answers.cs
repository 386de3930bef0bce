using System.Globalization;
using System.Text.Json.Serialization;

namespace CoProduce.Core.Consultations;

/// <summary>A typed, validated answer to one question. Stored as JSON with a <c>kind</c> discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TextAnswer), "text")]
[JsonDerivedType(typeof(ChoiceAnswer), "choice")]
[JsonDerivedType(typeof(NumberAnswer), "number")]
[JsonDerivedType(typeof(RankingAnswer), "ranking")]
public abstract record Answer
{
    /// <summary>The answer as a form would post it again, to redisplay it on a page.</summary>
    public abstract IReadOnlyList<string> ToFormValues();
}

/// <summary>Short or long text, trimmed, with line breaks normalised to <c>\n</c>.</summary>
public sealed record TextAnswer(string Text) : Answer
{
    public override IReadOnlyList<string> ToFormValues() => [Text];
}

/// <summary>The option values chosen (one for single choice and yes/no/not sure).</summary>
public sealed record ChoiceAnswer(IReadOnlyList<string> Values) : Answer
{
    public override IReadOnlyList<string> ToFormValues() => Values;

    public bool Equals(ChoiceAnswer? other) => other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Values.Count;
}

/// <summary>A number (a scale point or a number question).</summary>
public sealed record NumberAnswer(decimal Value) : Answer
{
    public override IReadOnlyList<string> ToFormValues() => [Value.ToString(CultureInfo.InvariantCulture)];
}

/// <summary>Option values in rank order, first = rank 1. Options left unranked are absent.</summary>
public sealed record RankingAnswer(IReadOnlyList<string> Ranked) : Answer
{
    public override IReadOnlyList<string> ToFormValues() =>
        Ranked.Select((value, index) => RankingInput.Encode(value, index + 1)).ToArray();

    public bool Equals(RankingAnswer? other) => other is not null && Ranked.SequenceEqual(other.Ranked);

    public override int GetHashCode() => Ranked.Count;
}

/// <summary>
/// How a ranking question is posted: one value <c>option:rank</c> per ranked option (e.g. a
/// <c>select</c> per option whose values are <c>option:1</c>, <c>option:2</c>, …, and an empty value).
/// </summary>
public static class RankingInput
{
    public static string Encode(string optionValue, int rank) => $"{optionValue}:{rank.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryDecode(string input, out string optionValue, out string rank)
    {
        var colon = input.LastIndexOf(':');
        if (colon <= 0)
        {
            optionValue = input;
            rank = "";
            return false;
        }

        optionValue = input[..colon];
        rank = input[(colon + 1)..];
        return true;
    }
}
