using System.Globalization;
using CoProduce.Core.Common;
using CoProduce.Server.Localisation;

namespace CoProduce.Server.Journey;

/// <summary>A message for the GOV.UK error summary and, when <see cref="FieldId"/> is set, next to that field.</summary>
public sealed record FieldError(string? FieldId, string Message)
{
    /// <summary>The localised message for a Core error; its code is the key in <c>locales/</c>.</summary>
    public static FieldError From(Error error, Text text, string? fieldId = null)
    {
        var arguments = error.Arguments.Select(a => a is IFormattable f ? f.ToString(null, CultureInfo.CurrentCulture) : a?.ToString()).ToArray<object?>();
        return new FieldError(fieldId ?? error.Path, text.Format(error.Code, arguments));
    }
}

/// <summary>The errors shown on one page, in the order of the page.</summary>
public sealed class PageErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(FieldError error) => _errors.Add(error);

    public string? For(string fieldId) => _errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;
}
