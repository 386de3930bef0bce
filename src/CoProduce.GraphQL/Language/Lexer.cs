using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CoProduce.GraphQL.Language;

/// <summary>
/// Reads GraphQL tokens from UTF-8 bytes, one at a time, without decoding the source: only names (interned), numbers
/// and string values become strings. Comments, whitespace, commas and a byte order mark are skipped. Behaviour and
/// error messages follow graphql-js 16's lexer; columns are counted in UTF-16 units as graphql-js counts them.
/// </summary>
public ref struct Lexer
{
    private readonly ReadOnlySpan<byte> _source;
    private int _position;
    private int _line;
    private int _lineStart;

    // Bytes minus UTF-16 code units scanned since the start of the current line, so columns match graphql-js even
    // when strings or comments earlier on the line hold non-ASCII characters.
    private int _lineAdjust;

    public Lexer(ReadOnlySpan<byte> utf8Source)
    {
        _source = utf8Source;
        _line = 1;
        Kind = TokenKind.StartOfFile;
        Line = 1;
        Column = 1;
    }

    /// <summary>The current token's kind.</summary>
    public TokenKind Kind { get; private set; }

    /// <summary>Byte offset where the current token starts.</summary>
    public int Start { get; private set; }

    /// <summary>Byte offset just after the current token.</summary>
    public int End { get; private set; }

    public int Line { get; private set; }

    public int Column { get; private set; }

    /// <summary>The value of a name, number or string token; null for punctuators.</summary>
    public string? Value { get; private set; }

    /// <summary>Where the previous token ended (the end of the node just parsed).</summary>
    public int PreviousEnd { get; private set; }

    /// <summary>Moves to the next significant token (never a comment) and returns its kind.</summary>
    public TokenKind Advance()
    {
        PreviousEnd = End;
        if (Kind != TokenKind.EndOfFile)
        {
            ReadToken();
        }

        return Kind;
    }

    /// <summary>The kind and value of the token after the current one, without moving.</summary>
    public readonly (TokenKind Kind, string? Value, int Start, int Line, int Column) Lookahead()
    {
        var copy = this;
        copy.Advance();
        return (copy.Kind, copy.Value, copy.Start, copy.Line, copy.Column);
    }

    /// <summary>The 1-based line and UTF-16 column of a byte offset on the current line (or earlier on it).</summary>
    private readonly int ColumnAt(int position) => position - _lineStart + 1 - _lineAdjust;

    private readonly int Peek(int position) => (uint)position < (uint)_source.Length ? _source[position] : -1;

    private void NewLine(int nextLineStart)
    {
        _line++;
        _lineStart = nextLineStart;
        _lineAdjust = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountNonAscii(byte b)
    {
        // UTF-16 length = bytes that are not continuation bytes, plus one more for each four-byte sequence.
        if ((b & 0xC0) == 0x80)
        {
            _lineAdjust++;
        }
        else if (b >= 0xF0)
        {
            _lineAdjust--;
        }
    }

    private void ReadToken()
    {
        var source = _source;
        var position = _position;
        while (position < source.Length)
        {
            var c = source[position];
            switch (c)
            {
                case (byte)' ':
                case (byte)'\t':
                case (byte)',':
                    position++;
                    continue;
                case (byte)'\n':
                    position++;
                    NewLine(position);
                    continue;
                case (byte)'\r':
                    position++;
                    if (position < source.Length && source[position] == '\n')
                    {
                        position++;
                    }

                    NewLine(position);
                    continue;
                case 0xEF when Peek(position + 1) == 0xBB && Peek(position + 2) == 0xBF:
                    // U+FEFF, a byte order mark, is ignored anywhere (3 bytes, 1 UTF-16 unit).
                    position += 3;
                    _lineAdjust += 2;
                    continue;
                case (byte)'#':
                    position++;
                    while (position < source.Length)
                    {
                        var b = source[position];
                        if (b is (byte)'\n' or (byte)'\r')
                        {
                            break;
                        }

                        if (b >= 0x80)
                        {
                            CountNonAscii(b);
                        }

                        position++;
                    }

                    continue;
            }

            break;
        }

        _position = position;
        Start = position;
        Line = _line;
        Column = ColumnAt(position);
        Value = null;

        if (position >= source.Length)
        {
            SetToken(TokenKind.EndOfFile, position);
            return;
        }

        switch (source[position])
        {
            case (byte)'!': SetToken(TokenKind.Bang, position + 1); return;
            case (byte)'$': SetToken(TokenKind.Dollar, position + 1); return;
            case (byte)'&': SetToken(TokenKind.Amp, position + 1); return;
            case (byte)'(': SetToken(TokenKind.ParenL, position + 1); return;
            case (byte)')': SetToken(TokenKind.ParenR, position + 1); return;
            case (byte)'.':
                if (Peek(position + 1) == '.' && Peek(position + 2) == '.')
                {
                    SetToken(TokenKind.Spread, position + 3);
                    return;
                }

                break;
            case (byte)':': SetToken(TokenKind.Colon, position + 1); return;
            case (byte)'=': SetToken(TokenKind.Equals, position + 1); return;
            case (byte)'@': SetToken(TokenKind.At, position + 1); return;
            case (byte)'[': SetToken(TokenKind.BracketL, position + 1); return;
            case (byte)']': SetToken(TokenKind.BracketR, position + 1); return;
            case (byte)'{': SetToken(TokenKind.BraceL, position + 1); return;
            case (byte)'|': SetToken(TokenKind.Pipe, position + 1); return;
            case (byte)'}': SetToken(TokenKind.BraceR, position + 1); return;
            case (byte)'"':
                if (Peek(position + 1) == '"' && Peek(position + 2) == '"')
                {
                    ReadBlockString(position);
                }
                else
                {
                    ReadString(position);
                }

                return;
        }

        var first = source[position];
        if (IsDigit(first) || first == '-')
        {
            ReadNumber(position, first);
            return;
        }

        if (IsNameStart(first))
        {
            var end = position + 1;
            while (end < source.Length && IsNameContinue(source[end]))
            {
                end++;
            }

            Value = NameTable.Get(source[position..end]);
            SetToken(TokenKind.Name, end);
            return;
        }

        throw Error(position, first == '\''
            ? GraphQLMessages.SyntaxSingleQuote.With()
            : GraphQLMessages.SyntaxUnexpectedCharacter.With(PrintCodePointAt(position)));
    }

    private void SetToken(TokenKind kind, int end)
    {
        Kind = kind;
        End = end;
        _position = end;
    }

    private void ReadNumber(int start, byte firstCode)
    {
        var position = start;
        int code = firstCode;
        var isFloat = false;
        if (code == '-')
        {
            code = Peek(++position);
        }

        if (code == '0')
        {
            code = Peek(++position);
            if (IsDigit(code))
            {
                throw Error(position, GraphQLMessages.SyntaxDigitAfterZero.With(PrintCodePointAt(position)));
            }
        }
        else
        {
            position = ReadDigits(position, code);
            code = Peek(position);
        }

        if (code == '.')
        {
            isFloat = true;
            code = Peek(++position);
            position = ReadDigits(position, code);
            code = Peek(position);
        }

        if (code is 'E' or 'e')
        {
            isFloat = true;
            code = Peek(++position);
            if (code is '+' or '-')
            {
                code = Peek(++position);
            }

            position = ReadDigits(position, code);
            code = Peek(position);
        }

        // A number cannot be directly followed by a dot or a name start (e.g. 1.2.3, 123abc, 0x1F).
        if (code == '.' || IsNameStart(code))
        {
            throw Error(position, GraphQLMessages.SyntaxExpectedDigit.With(PrintCodePointAt(position)));
        }

        Value = Encoding.ASCII.GetString(_source[start..position]);
        SetToken(isFloat ? TokenKind.Float : TokenKind.Int, position);
    }

    private readonly int ReadDigits(int start, int firstCode)
    {
        if (!IsDigit(firstCode))
        {
            throw Error(start, GraphQLMessages.SyntaxExpectedDigit.With(PrintCodePointAt(start)));
        }

        var position = start + 1;
        while (IsDigit(Peek(position)))
        {
            position++;
        }

        return position;
    }

    private void ReadString(int start)
    {
        var source = _source;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? builder = null;
        while (position < source.Length)
        {
            var code = source[position];
            if (code == '"')
            {
                string value;
                if (builder is null)
                {
                    value = position == chunkStart ? string.Empty : Encoding.UTF8.GetString(source[chunkStart..position]);
                }
                else
                {
                    AppendUtf8(builder, source[chunkStart..position]);
                    value = builder.ToString();
                }

                Value = value;
                SetToken(TokenKind.String, position + 1);
                return;
            }

            if (code == '\\')
            {
                builder ??= new StringBuilder();
                AppendUtf8(builder, source[chunkStart..position]);
                position += Peek(position + 1) == 'u'
                    ? Peek(position + 2) == '{'
                        ? ReadEscapedUnicodeVariableWidth(builder, position)
                        : ReadEscapedUnicodeFixedWidth(builder, position)
                    : ReadEscapedCharacter(builder, position);
                chunkStart = position;
                continue;
            }

            if (code is (byte)'\n' or (byte)'\r')
            {
                break;
            }

            if (code >= 0x80)
            {
                CountNonAscii(code);
            }

            position++;
        }

        throw Error(position, GraphQLMessages.SyntaxUnterminatedString.With());
    }

    private readonly int ReadEscapedUnicodeVariableWidth(StringBuilder builder, int position)
    {
        var point = 0;
        var size = 3;

        // At most \u{00000000}: twelve characters.
        while (size < 12)
        {
            var code = Peek(position + size++);
            if (code == '}')
            {
                if (size < 5 || !IsUnicodeScalarValue(point))
                {
                    break;
                }

                AppendCodePoint(builder, point);
                return size;
            }

            point = (point << 4) | ReadHexDigit(code);
            if (point < 0)
            {
                break;
            }
        }

        throw Error(position, GraphQLMessages.SyntaxInvalidUnicodeEscape.With(SliceChars(position, size)));
    }

    private readonly int ReadEscapedUnicodeFixedWidth(StringBuilder builder, int position)
    {
        var code = Read16BitHexCode(position + 2);
        if (IsUnicodeScalarValue(code))
        {
            builder.Append((char)code);
            return 6;
        }

        // Like JSON, a surrogate pair may be written as two escapes, but only a valid pair.
        if (code is >= 0xD800 and <= 0xDBFF && Peek(position + 6) == '\\' && Peek(position + 7) == 'u')
        {
            var trailing = Read16BitHexCode(position + 8);
            if (trailing is >= 0xDC00 and <= 0xDFFF)
            {
                builder.Append((char)code).Append((char)trailing);
                return 12;
            }
        }

        throw Error(position, GraphQLMessages.SyntaxInvalidUnicodeEscape.With(SliceChars(position, 6)));
    }

    private readonly int ReadEscapedCharacter(StringBuilder builder, int position)
    {
        char? value = Peek(position + 1) switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => null,
        };
        if (value is null)
        {
            throw Error(position, GraphQLMessages.SyntaxInvalidEscape.With(SliceChars(position, 2)));
        }

        builder.Append(value.Value);
        return 2;
    }

    private readonly int Read16BitHexCode(int position) =>
        (ReadHexDigit(Peek(position)) << 12) | (ReadHexDigit(Peek(position + 1)) << 8)
        | (ReadHexDigit(Peek(position + 2)) << 4) | ReadHexDigit(Peek(position + 3));

    private void ReadBlockString(int start)
    {
        var source = _source;
        var position = start + 3;
        var chunkStart = position;
        var lines = new List<string>();
        var currentLine = new StringBuilder();
        while (position < source.Length)
        {
            var code = source[position];
            if (code == '"' && Peek(position + 1) == '"' && Peek(position + 2) == '"')
            {
                AppendUtf8(currentLine, source[chunkStart..position]);
                lines.Add(currentLine.ToString());
                Value = BlockString.Dedent(lines);
                SetToken(TokenKind.BlockString, position + 3);
                return;
            }

            if (code == '\\' && Peek(position + 1) == '"' && Peek(position + 2) == '"' && Peek(position + 3) == '"')
            {
                // \""" stands for """: keep the quotes, drop the backslash.
                AppendUtf8(currentLine, source[chunkStart..position]);
                chunkStart = position + 1;
                position += 4;
                continue;
            }

            if (code is (byte)'\n' or (byte)'\r')
            {
                AppendUtf8(currentLine, source[chunkStart..position]);
                lines.Add(currentLine.ToString());
                currentLine.Clear();
                position += code == '\r' && Peek(position + 1) == '\n' ? 2 : 1;
                chunkStart = position;
                NewLine(position);
                continue;
            }

            if (code >= 0x80)
            {
                CountNonAscii(code);
            }

            position++;
        }

        throw Error(position, GraphQLMessages.SyntaxUnterminatedString.With());
    }

    private static void AppendUtf8(StringBuilder builder, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return;
        }

        Span<char> buffer = utf8.Length <= 256 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        var written = Encoding.UTF8.GetChars(utf8, buffer);
        builder.Append(buffer[..written]);
    }

    private static void AppendCodePoint(StringBuilder builder, int point)
    {
        if (point < 0x10000)
        {
            builder.Append((char)point);
        }
        else
        {
            point -= 0x10000;
            builder.Append((char)(0xD800 + (point >> 10))).Append((char)(0xDC00 + (point & 0x3FF)));
        }
    }

    /// <summary>Up to <paramref name="chars"/> UTF-16 units of source from a byte offset, as graphql-js slices.</summary>
    private readonly string SliceChars(int position, int chars)
    {
        var end = Math.Min(_source.Length, position + (chars * 4));
        var text = Encoding.UTF8.GetString(_source[position..end]);
        return text.Length <= chars ? text : text[..chars];
    }

    /// <summary>graphql-js's <c>printCodePointAt</c>: printable ASCII quoted, anything else as U+XXXX.</summary>
    private readonly string PrintCodePointAt(int position)
    {
        if (position >= _source.Length)
        {
            return "<EOF>";
        }

        System.Buffers.OperationStatus status = System.Text.Rune.DecodeFromUtf8(_source[position..], out var rune, out _);
        var code = status == System.Buffers.OperationStatus.Done ? rune.Value : 0xFFFD;
        if (code is >= 0x20 and <= 0x7E)
        {
            return code == '"' ? "'\"'" : $"\"{(char)code}\"";
        }

        return "U+" + code.ToString("X4", CultureInfo.InvariantCulture);
    }

    private readonly GraphQLSyntaxError Error(int position, GraphQLMessage description) =>
        new(description, position, _line, ColumnAt(position));

    private static bool IsDigit(int c) => (uint)(c - '0') <= 9;

    private static bool IsNameStart(int c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    private static bool IsNameContinue(int c) => IsNameStart(c) || IsDigit(c);

    private static bool IsUnicodeScalarValue(int c) => c is >= 0 and <= 0xD7FF or >= 0xE000 and <= 0x10FFFF;

    private static int ReadHexDigit(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}

/// <summary>The spec's block string algorithms: dedenting values, and choosing how to print them.</summary>
public static class BlockString
{
    /// <summary>Removes common indentation and leading/trailing blank lines (spec <c>BlockStringValue</c>).</summary>
    public static string Dedent(IReadOnlyList<string> lines)
    {
        var commonIndent = int.MaxValue;
        int? firstNonEmptyLine = null;
        var lastNonEmptyLine = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var indent = LeadingWhitespace(line);
            if (indent == line.Length)
            {
                continue;
            }

            firstNonEmptyLine ??= i;
            lastNonEmptyLine = i;
            if (i != 0 && indent < commonIndent)
            {
                commonIndent = indent;
            }
        }

        if (firstNonEmptyLine is not { } first)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        for (var i = first; i <= lastNonEmptyLine; i++)
        {
            if (i > first)
            {
                builder.Append('\n');
            }

            var line = lines[i];
            builder.Append(i == 0 ? line : commonIndent >= line.Length ? string.Empty : line[commonIndent..]);
        }

        return builder.ToString();
    }

    /// <summary>Splits a string into lines the way the lexer does (\n, \r\n or \r) and dedents it.</summary>
    public static string DedentRaw(string raw) => Dedent(Printer.SplitLines(raw));

    private static int LeadingWhitespace(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }
}
