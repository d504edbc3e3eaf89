using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace CoworkSync.Members.Records;

/// <summary>
/// How names and emails are written in the member lookup indexes, and how what someone types is written before it is
/// looked up there: the same function on both sides, so "Dvořák", "DVORAK" and "dvorak" find the same member.
/// </summary>
public static class SearchText
{
    /// <summary>At most this many characters of a name are indexed; a longer prefix matches nothing more.</summary>
    public const int MaxNameLength = 100;

    /// <summary>
    /// A name in lowercase without accents (<c>é</c> is <c>e</c>, <c>ß</c> is <c>ss</c>), every run of anything but
    /// letters and digits one space, trimmed; empty when nothing is left.
    /// </summary>
    public static string Name(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                    builder.Append(' ');
                space = false;
                var lower = char.ToLowerInvariant(c);
                if (Plain.TryGetValue(lower, out var plain))
                    builder.Append(plain);
                else
                    builder.Append(lower);
            }
            else
            {
                space = true;
            }
        }
        var name = builder.ToString();
        return name.Length <= MaxNameLength ? name : name[..MaxNameLength].TrimEnd();
    }

    /// <summary>The longest email address there can be (RFC 5321's path limit less its brackets); longer ones are not indexed.</summary>
    public const int MaxEmailLength = 254;

    /// <summary>An email address trimmed and lowercased; null when there is none, or it is longer than any address can be.</summary>
    public static string? Email(string? text)
    {
        var email = text?.Trim();
        return string.IsNullOrEmpty(email) || email.Length > MaxEmailLength ? null : email.ToLowerInvariant();
    }

    // The app runs in globalization-invariant mode, where string.Normalize leaves non-ASCII text as it is, so the
    // Latin letters with accents (Latin-1, Extended-A and -B, Extended Additional) and the ligatures are folded here:
    // each letter after the one it is written with, as Unicode's compatibility decomposition spells it, plus the
    // letters that decompose to nothing but are typed without their stroke (ø, ł, đ, ħ, ŧ) or spelled out (ß, æ, œ, þ).
    private static readonly (string Plain, string Written)[] Letters =
    [
        ("a", "àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ"),
        ("ae", "æǣǽ"),
        ("b", "ḃḅḇƀ"),
        ("c", "çćĉċčḉ"),
        ("d", "ďḋḍḏḑḓđð"),
        ("dz", "ǆǳ"),
        ("e", "èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ"),
        ("f", "ḟ"),
        ("ff", "ﬀ"),
        ("ffi", "ﬃ"),
        ("ffl", "ﬄ"),
        ("fi", "ﬁ"),
        ("fl", "ﬂ"),
        ("g", "ĝğġģǧǵḡǥ"),
        ("h", "ĥȟḣḥḧḩḫẖħ"),
        ("i", "ìíîïĩīĭįǐȉȋḭḯỉịı"),
        ("ij", "ĳ"),
        ("j", "ĵǰ"),
        ("k", "ķǩḱḳḵ"),
        ("l", "ĺļľḷḹḻḽłŀ"),
        ("lj", "ǉ"),
        ("m", "ḿṁṃ"),
        ("n", "ñńņňǹṅṇṉṋ"),
        ("nj", "ǌ"),
        ("o", "òóôõöōŏőơǒǫǭȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợøǿ"),
        ("oe", "œ"),
        ("p", "ṕṗ"),
        ("r", "ŕŗřȑȓṙṛṝṟ"),
        ("s", "śŝşšſșṡṣṥṧṩẛ"),
        ("ss", "ß"),
        ("st", "ﬅﬆ"),
        ("t", "ţťțṫṭṯṱẗŧ"),
        ("th", "þ"),
        ("u", "ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự"),
        ("v", "ṽṿ"),
        ("w", "ŵẁẃẅẇẉẘ"),
        ("x", "ẋẍ"),
        ("y", "ýÿŷȳẏẙỳỵỷỹ"),
        ("z", "źżžẑẓẕ"),
    ];

    private static readonly FrozenDictionary<char, string> Plain =
        Letters.SelectMany(l => l.Written.Select(c => KeyValuePair.Create(c, l.Plain))).ToFrozenDictionary();
}
