namespace CoProduce.Server.Authoring;

/// <summary>An English and Welsh pair of inputs side by side (partial <c>_Bilingual</c>).</summary>
/// <param name="Name">The bound property path, e.g. <c>Form.Title</c>; inputs are <c>Name.En</c>/<c>Name.Cy</c>.</param>
public sealed record BilingualField(string Name, string Label, BilingualInput? Value, bool Multiline = false, string? Hint = null, string? Error = null)
{
    public string EnId => FieldIds.Of(Name + ".En");

    public string CyId => FieldIds.Of(Name + ".Cy");
}

/// <summary>A GOV.UK date input, with a time box when <paramref name="WithTime"/> (partial <c>_DateTime</c>).</summary>
public sealed record DateTimeField(string Name, string Label, UkDateTimeInput? Value, bool WithTime = true, string? Hint = null, string? Error = null)
{
    public string Id => FieldIds.Of(Name);
}

/// <summary>Radios for one value among a few (partial <c>_Radios</c>).</summary>
public sealed record RadiosField(string Name, string Label, IReadOnlyList<(string Value, string Label)> Options, string? Selected, string? Error = null)
{
    public string Id => FieldIds.Of(Name);
}

/// <summary>Element ids from bound names: <c>Form.Title.En</c> → <c>Form-Title-En</c>.</summary>
public static class FieldIds
{
    public static string Of(string name) => name.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);
}

/// <summary>Localised names of the consultation enums: key <c>Authoring.{Enum}.{Value}</c>.</summary>
public static class EnumText
{
    public static string Of<TEnum>(Localisation.Text text, TEnum value)
        where TEnum : struct, Enum => text[$"Authoring.{typeof(TEnum).Name}.{value}"];

    public static IReadOnlyList<(string Value, string Label)> Options<TEnum>(Localisation.Text text)
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => (v.ToString(), Of(text, v))).ToArray();
}

/// <summary>A single-language text input (partial <c>_Text</c>).</summary>
public sealed record TextField(string Name, string Label, string? Value, string? Error = null, string InputType = "text");

/// <summary>One checkbox for a true/false setting (partial <c>_Checkbox</c>).</summary>
public sealed record CheckboxField(string Name, string Label, bool Checked);
