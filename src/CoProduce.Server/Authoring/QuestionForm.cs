using System.Globalization;
using CoProduce.Core.Consultations;

namespace CoProduce.Server.Authoring;

/// <summary>A question of any type as posted by the question page.</summary>
public sealed class QuestionForm
{
    /// <summary>Blank option rows offered for adding options without JavaScript.</summary>
    public const int BlankOptions = 3;

    public string? Id { get; set; }

    public string? Type { get; set; }

    public BilingualInput Text { get; set; } = new();

    public BilingualInput Hint { get; set; } = new();

    public bool Required { get; set; }

    public BilingualInput RequiredReason { get; set; } = new();

    public List<OptionForm> Options { get; set; } = [];

    public string? MaxLength { get; set; }

    public string? ScaleMin { get; set; }

    public string? ScaleMax { get; set; }

    public BilingualInput ScaleMinLabel { get; set; } = new();

    public BilingualInput ScaleMaxLabel { get; set; } = new();

    public string? NumberMin { get; set; }

    public string? NumberMax { get; set; }

    public bool IntegerOnly { get; set; }

    public BilingualInput Unit { get; set; } = new();

    /// <summary>The id of an earlier question; empty for always shown.</summary>
    public string? ShowWhenQuestion { get; set; }

    /// <summary>The option values that show it, separated by commas.</summary>
    public string? ShowWhenValues { get; set; }

    public QuestionType? ParsedType => Enum.TryParse<QuestionType>(Type, out var t) && Enum.IsDefined(t) ? t : null;

    public static QuestionForm New(QuestionType type) => new QuestionForm { Type = type.ToString() }.WithBlankOptions(true);

    public static QuestionForm From(Question q, bool blankOptions) => new QuestionForm
    {
        Id = q.Id.Value,
        Type = q.Type.ToString(),
        Text = BilingualInput.From(q.Text),
        Hint = BilingualInput.From(q.Hint),
        Required = q.Required,
        RequiredReason = BilingualInput.From(q.RequiredReason),
        Options = q.Options.Select(o => new OptionForm { Value = o.Value, Label = BilingualInput.From(o.Label), Exclusive = o.Exclusive }).ToList(),
        MaxLength = q.MaxLength?.ToString(CultureInfo.InvariantCulture),
        ScaleMin = q.Scale?.Min.ToString(CultureInfo.InvariantCulture),
        ScaleMax = q.Scale?.Max.ToString(CultureInfo.InvariantCulture),
        ScaleMinLabel = BilingualInput.From(q.Scale?.MinLabel),
        ScaleMaxLabel = BilingualInput.From(q.Scale?.MaxLabel),
        NumberMin = q.Number?.Min?.ToString(CultureInfo.InvariantCulture),
        NumberMax = q.Number?.Max?.ToString(CultureInfo.InvariantCulture),
        IntegerOnly = q.Number?.IntegerOnly ?? false,
        Unit = BilingualInput.From(q.Number?.Unit),
        ShowWhenQuestion = q.ShowWhen?.Question.Value,
        ShowWhenValues = q.ShowWhen is { } w ? string.Join(", ", w.AnyOf) : null,
    }.WithBlankOptions(blankOptions);

    public QuestionForm WithBlankOptions(bool add)
    {
        if (add && ParsedType is QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Ranking)
        {
            Options.AddRange(Enumerable.Range(0, BlankOptions).Select(_ => new OptionForm()));
        }

        return this;
    }

    /// <summary>The question, or null with the page's errors set for values that are not numbers.</summary>
    public Question? Read(AuthoringPageModel page)
    {
        if (ParsedType is not { } type)
        {
            page.Errors.Add(new Journey.FieldError("Form-Type", page.Localise("Authoring.Error.Choose")));
            return null;
        }

        int? Int(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            page.Errors.Add(new Journey.FieldError(field, page.Localise("Authoring.Error.WholeNumber")));
            return null;
        }

        decimal? Dec(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (decimal.TryParse(value.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            page.Errors.Add(new Journey.FieldError(field, page.Localise("Authoring.Error.Number")));
            return null;
        }

        var isText = type is QuestionType.ShortText or QuestionType.LongText;
        var maxLength = isText ? Int(MaxLength, "Form-MaxLength") : null;
        ScaleSettings? scale = null;
        if (type == QuestionType.Scale)
        {
            var min = Int(ScaleMin, "Form-ScaleMin");
            var max = Int(ScaleMax, "Form-ScaleMax");
            if (min is null && string.IsNullOrWhiteSpace(ScaleMin))
            {
                page.Errors.Add(new Journey.FieldError("Form-ScaleMin", page.Localise("Authoring.Error.WholeNumber")));
            }

            if (max is null && string.IsNullOrWhiteSpace(ScaleMax))
            {
                page.Errors.Add(new Journey.FieldError("Form-ScaleMax", page.Localise("Authoring.Error.WholeNumber")));
            }

            scale = min is { } lo && max is { } hi ? new ScaleSettings(lo, hi, ScaleMinLabel.ToText(), ScaleMaxLabel.ToText()) : null;
        }

        NumberSettings? number = null;
        if (type == QuestionType.Number)
        {
            number = new NumberSettings { Min = Dec(NumberMin, "Form-NumberMin"), Max = Dec(NumberMax, "Form-NumberMax"), IntegerOnly = IntegerOnly, Unit = Unit.ToOptional() };
        }

        if (page.Errors.Any)
        {
            return null;
        }

        var takesOptions = type is QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Ranking;
        var values = (ShowWhenValues ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new Question
        {
            Id = new QuestionId((Id ?? "").Trim()),
            Type = type,
            Text = Text.ToText(),
            Hint = Hint.ToOptional(),
            Required = Required,
            RequiredReason = Required ? RequiredReason.ToOptional() : null,
            Options = takesOptions
                ? Options.Where(o => !o.IsBlank).Select(o => new ChoiceOption((o.Value ?? "").Trim(), o.Label.ToText()) { Exclusive = o.Exclusive && type == QuestionType.MultipleChoice }).ToArray()
                : [],
            MaxLength = maxLength,
            Scale = scale,
            Number = number,
            ShowWhen = string.IsNullOrWhiteSpace(ShowWhenQuestion) ? null : new DisplayCondition(new QuestionId(ShowWhenQuestion.Trim()), values),
        };
    }

    /// <summary>The form field a Core error about a question belongs to (paths end with the property).</summary>
    public static string? FieldFor(Core.Common.Error error)
    {
        var path = error.Path ?? "";
        var at = path.IndexOf(".questions[", StringComparison.Ordinal);
        var tail = at < 0 ? path : path[(path.IndexOf(']', at) + 1)..];
        if (tail.StartsWith(".options[", StringComparison.Ordinal))
        {
            var index = tail[9..tail.IndexOf(']', StringComparison.Ordinal)];
            return $"Form-Options-{index}-Value";
        }

        return tail switch
        {
            ".id" => "Form-Id",
            ".options" => "Form-Options-0-Value",
            ".maxLength" => "Form-MaxLength",
            ".scale" or ".scale.max" => "Form-ScaleMax",
            ".number" or ".number.max" => "Form-NumberMax",
            ".requiredReason" => "Form-RequiredReason-En",
            _ when tail.StartsWith(".showWhen", StringComparison.Ordinal) => "Form-ShowWhenQuestion",
            _ => null,
        };
    }
}

/// <summary>A choice as posted: its value (stored with answers) and its label in both languages.</summary>
public sealed class OptionForm
{
    public string? Value { get; set; }

    public BilingualInput Label { get; set; } = new();

    public bool Exclusive { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Value) && Label.IsEmpty;
}
