using System.Globalization;
using System.Text;
using CoProduce.Core.Common;

namespace CoProduce.Core.Workshops;

/// <summary>
/// Cleans short text written in a live session: normalised (NFC), control and format characters
/// removed (including bidirectional overrides that could disguise text), whitespace collapsed. It is
/// stored as plain text and only ever shown encoded; nothing written becomes markup.
/// </summary>
public static class ShortText
{
    public static string Clean(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return "";
        }

        var normalised = input.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalised.Length);
        var pendingSpace = false;
        foreach (var c in normalised)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Cleans and checks the length of a contribution.</summary>
    public static Result<string> Contribution(string? input, string path, int max = Workshops.Contribution.MaxTextLength)
    {
        var text = Clean(input);
        if (text.Length == 0)
        {
            return new Error(ErrorCodes.ContributionEmpty, path);
        }

        return text.Length > max ? new Error(ErrorCodes.ContributionTooLong, path, [max]) : text;
    }
}
