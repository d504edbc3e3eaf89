using System.Globalization;
using System.Text;

namespace CoworkSync.Ceilings;

/// <summary>
/// Keys as CoworkSync writes them (docs/benchmarks.md, "Table layout the harness relies on"): <c>/ \ # ? %</c> and
/// control characters become <c>%XX</c>. Written here from that rule, not taken from the product, so the ceilings read
/// the very same rows without referencing it.
/// </summary>
public static class TableKeys
{
    public const string AccountRow = "account";

    public static string UsageRow(string cycleKey) => "cycle-" + cycleKey;

    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }
}
