using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SessionHooks.Validation;

/// <summary>
/// A JSON Schema <c>pattern</c> is an ECMAScript regular expression (ECMA-262, no flags), matched
/// per UTF-16 code unit. .NET's syntax looks the same and means something else: <c>$</c> also
/// matches before a final line break, <c>\d</c>, <c>\w</c> and <c>\s</c> take whole Unicode
/// categories, <c>.</c> matches <c>\r</c>. This rewrites a pattern into a .NET one that matches
/// exactly the strings the ECMAScript one does, and refuses any syntax it does not translate
/// (lookbehind, backreferences, named groups, <c>\b</c>, <c>\p{…}</c>, inline flags…) instead of
/// guessing.
/// </summary>
internal sealed class EcmaPattern
{
    private const char LastCodeUnit = '\uFFFF';

    // ECMA-262 WhiteSpace and LineTerminator: what \s matches.
    private static readonly (char From, char To)[] Space =
    [
        ('\t', '\r'), (' ', ' '), ('\u00A0', '\u00A0'), ('\u1680', '\u1680'), ('\u2000', '\u200A'),
        ('\u2028', '\u2029'), ('\u202F', '\u202F'), ('\u205F', '\u205F'), ('\u3000', '\u3000'), ('\uFEFF', '\uFEFF'),
    ];

    private static readonly (char From, char To)[] Digit = [('0', '9')];

    private static readonly (char From, char To)[] Word = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];

    private static readonly (char From, char To)[] LineTerminator = [('\n', '\n'), ('\r', '\r'), ('\u2028', '\u2029')];

    private readonly string source;
    private readonly StringBuilder output = new();
    private int position;

    private EcmaPattern(string source) => this.source = source;

    /// <summary>The pattern as a .NET regular expression with the ECMAScript meaning.</summary>
    /// <exception cref="FormatException">The pattern uses syntax this translation does not cover, or is not a valid pattern.</exception>
    public static Regex Compile(string pattern) => new(Translate(pattern), RegexOptions.CultureInvariant);

    /// <inheritdoc cref="Compile"/>
    public static string Translate(string pattern)
    {
        var translation = new EcmaPattern(pattern);
        translation.Disjunction();
        if (!translation.AtEnd)
        {
            throw translation.Refuse($"an unmatched '{translation.Peek}'");
        }

        return translation.output.ToString();
    }

    private bool AtEnd => position >= source.Length;

    private char Peek => source[position];

    private void Disjunction()
    {
        Alternative();
        while (!AtEnd && Peek == '|')
        {
            position++;
            output.Append('|');
            Alternative();
        }
    }

    private void Alternative()
    {
        while (!AtEnd && Peek is not ('|' or ')'))
        {
            Term();
        }
    }

    private void Term()
    {
        var c = Peek;
        switch (c)
        {
            case '^':
                position++;
                output.Append('^');
                NoQuantifier("'^'");
                return;
            case '$':
                // ECMAScript's $ (without the m flag) is the end of the input; .NET's would also match before a final \n.
                position++;
                output.Append(@"\z");
                NoQuantifier("'$'");
                return;
            case '(':
                Group();
                return;
            case '.':
                position++;
                AppendClass(Complement(LineTerminator));
                break;
            case '[':
                CharacterClass();
                break;
            case '\\':
                AtomEscape();
                break;
            case '*' or '+' or '?' or '{':
                throw Refuse($"a quantifier '{c}' with nothing to repeat");
            case ']' or '}':
                throw Refuse($"a lone '{c}' (escape it as \\{c})");
            default:
                position++;
                AppendLiteral(c);
                break;
        }

        Quantifier();
    }

    private void Group()
    {
        position++;
        var lookahead = false;
        if (!AtEnd && Peek == '?')
        {
            var kind = position + 1 < source.Length ? source[position + 1] : '\0';
            if (kind is not (':' or '=' or '!'))
            {
                throw Refuse("a group '(?" + kind + "' (only (?:…), (?=…) and (?!…) are translated)");
            }

            position += 2;
            lookahead = kind != ':';
            output.Append("(?").Append(kind);
        }
        else
        {
            // Captures are never read; a non-capturing group keeps .NET from numbering them.
            output.Append("(?:");
        }

        Disjunction();
        if (AtEnd || Peek != ')')
        {
            throw Refuse("a group that is not closed");
        }

        position++;
        output.Append(')');
        if (lookahead)
        {
            NoQuantifier("a lookahead");
        }
        else
        {
            Quantifier();
        }
    }

    private void NoQuantifier(string what)
    {
        if (!AtEnd && Peek is '*' or '+' or '?' or '{')
        {
            throw Refuse($"a quantifier after {what}");
        }
    }

    private void Quantifier()
    {
        if (AtEnd)
        {
            return;
        }

        switch (Peek)
        {
            case '*' or '+' or '?':
                output.Append(Peek);
                position++;
                break;
            case '{':
                var close = source.IndexOf('}', position);
                var body = close < 0 ? "" : source[(position + 1)..close];
                var parts = body.Split(',');
                if (parts.Length is < 1 or > 2 || !IsCount(parts[0]) || (parts.Length == 2 && parts[1].Length > 0 && !IsCount(parts[1])))
                {
                    throw Refuse("a '{' that is not a quantifier {n}, {n,} or {n,m} (escape it as \\{)");
                }

                if (parts.Length == 2 && parts[1].Length > 0 && long.Parse(parts[1], CultureInfo.InvariantCulture) < long.Parse(parts[0], CultureInfo.InvariantCulture))
                {
                    throw Refuse("a quantifier {n,m} with m below n");
                }

                output.Append('{').Append(body).Append('}');
                position = close + 1;
                break;
            default:
                return;
        }

        if (!AtEnd && Peek == '?')
        {
            output.Append('?');
            position++;
        }

        if (!AtEnd && Peek is '*' or '+' or '?' or '{')
        {
            throw Refuse("two quantifiers in a row");
        }
    }

    private static bool IsCount(string text) => text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit);

    private void AtomEscape()
    {
        position++;
        if (AtEnd)
        {
            throw Refuse("a '\\' at the end");
        }

        var c = Peek;
        position++;
        switch (c)
        {
            case 'd': AppendClass(Digit); return;
            case 'D': AppendClass(Complement(Digit)); return;
            case 'w': AppendClass(Word); return;
            case 'W': AppendClass(Complement(Word)); return;
            case 's': AppendClass(Space); return;
            case 'S': AppendClass(Complement(Space)); return;
            case 'b' or 'B': throw Refuse($"the word boundary \\{c}");
            default:
                AppendLiteral(CharacterEscape(c, inClass: false));
                return;
        }
    }

    /// <summary>The character an escape stands for (after the backslash and <paramref name="c"/>).</summary>
    private char CharacterEscape(char c, bool inClass)
    {
        switch (c)
        {
            case 't': return '\t';
            case 'n': return '\n';
            case 'v': return '\v';
            case 'f': return '\f';
            case 'r': return '\r';
            case 'b' when inClass: return '\b';
            case '0' when AtEnd || !char.IsAsciiDigit(Peek): return '\0';
            case 'c' when !AtEnd && char.IsAsciiLetter(Peek):
                return (char)(source[position++] % 32);
            case 'x': return (char)Hex(2);
            case 'u' when !AtEnd && Peek == '{':
                throw Refuse("a \\u{…} escape (it needs the u flag, which JSON Schema patterns do not have)");
            case 'u': return (char)Hex(4);
            case var punctuation when char.IsAsciiLetterOrDigit(punctuation) is false && char.IsAscii(punctuation) && !char.IsControl(punctuation):
                // An identity escape: \. \[ \- \/ …
                return punctuation;
            default:
                throw Refuse($"the escape \\{c}");
        }
    }

    private int Hex(int digits)
    {
        if (position + digits > source.Length || !int.TryParse(source.AsSpan(position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw Refuse($"an escape without its {digits} hexadecimal digits");
        }

        position += digits;
        return value;
    }

    private void CharacterClass()
    {
        position++;
        var negated = !AtEnd && Peek == '^';
        if (negated)
        {
            position++;
        }

        var ranges = new List<(char From, char To)>();
        while (true)
        {
            if (AtEnd)
            {
                throw Refuse("a character class that is not closed");
            }

            if (Peek == ']')
            {
                position++;
                break;
            }

            var from = ClassAtom(out var set);
            if (set is not null)
            {
                if (!AtEnd && Peek == '-' && position + 1 < source.Length && source[position + 1] != ']')
                {
                    throw Refuse("a range that starts or ends with a class escape such as \\d");
                }

                ranges.AddRange(set);
                continue;
            }

            if (!AtEnd && Peek == '-' && position + 1 < source.Length && source[position + 1] != ']')
            {
                position++;
                var to = ClassAtom(out var toSet);
                if (toSet is not null)
                {
                    throw Refuse("a range that starts or ends with a class escape such as \\d");
                }

                if (to < from)
                {
                    throw Refuse($"the range {Show(from)}-{Show(to)}, which is out of order");
                }

                ranges.Add((from, to));
            }
            else
            {
                ranges.Add((from, from));
            }
        }

        AppendClass(negated ? Complement(ranges) : ranges);
    }

    /// <summary>One character of a class, or (in <paramref name="set"/>) the characters of a class escape.</summary>
    private char ClassAtom(out (char From, char To)[]? set)
    {
        set = null;
        var c = source[position++];
        if (c != '\\')
        {
            return c;
        }

        if (AtEnd)
        {
            throw Refuse("a '\\' at the end");
        }

        var e = source[position++];
        set = e switch
        {
            'd' => Digit,
            'D' => Complement(Digit),
            'w' => Word,
            'W' => Complement(Word),
            's' => Space,
            'S' => Complement(Space),
            _ => null,
        };
        return set is null ? CharacterEscape(e, inClass: true) : '\0';
    }

    private static (char From, char To)[] Complement(IEnumerable<(char From, char To)> ranges)
    {
        var result = new List<(char, char)>();
        var next = 0;
        foreach (var (from, to) in Normalize(ranges))
        {
            if (from > next)
            {
                result.Add(((char)next, (char)(from - 1)));
            }

            next = to + 1;
        }

        if (next <= LastCodeUnit)
        {
            result.Add(((char)next, LastCodeUnit));
        }

        return [.. result];
    }

    private static List<(char From, char To)> Normalize(IEnumerable<(char From, char To)> ranges)
    {
        var merged = new List<(char From, char To)>();
        foreach (var (from, to) in ranges.OrderBy(r => r.From))
        {
            if (merged.Count > 0 && from <= merged[^1].To + 1)
            {
                merged[^1] = (merged[^1].From, (char)Math.Max(merged[^1].To, to));
            }
            else
            {
                merged.Add((from, to));
            }
        }

        return merged;
    }

    /// <summary>A class of exactly these code units, every one written as \uXXXX so no .NET class syntax can creep in.</summary>
    private void AppendClass(IEnumerable<(char From, char To)> ranges)
    {
        var merged = Normalize(ranges);
        if (merged.Count == 0)
        {
            // ECMAScript's [] matches nothing.
            output.Append("(?!)");
            return;
        }

        output.Append('[');
        foreach (var (from, to) in merged)
        {
            output.Append(Escaped(from));
            if (to != from)
            {
                output.Append('-').Append(Escaped(to));
            }
        }

        output.Append(']');
    }

    private void AppendLiteral(char c) => output.Append(char.IsAsciiLetterOrDigit(c) ? c.ToString() : Escaped(c));

    private static string Escaped(char c) => $"\\u{(int)c:X4}";

    private static string Show(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? Escaped(c) : c.ToString();

    private FormatException Refuse(string what) =>
        new($"the pattern \"{source}\" uses {what} at offset {position}, which SessionHooks does not translate from ECMAScript to .NET");
}
