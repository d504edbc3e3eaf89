using System.Text.Json;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.UnitTests.Connectors.Seam;

/// <summary>A platform's settings section built from a form's text: each kind written as JSON, nothing judged on the way.</summary>
public sealed class PlatformSectionFormTests
{
    private static readonly PlatformField[] Fields =
    [
        new("site", "Site", "", PlatformFieldKind.Text, Required: true),
        new("api", "API", "", PlatformFieldKind.Url),
        new("extra", "Extra", "", PlatformFieldKind.Bool),
        new("limit", "Limit", "", PlatformFieldKind.Number),
    ];

    [Fact]
    public void ToSection_WritesEachKindAsItsJson()
    {
        var section = PlatformSectionForm.ToSection(Fields, Values(("site", " s-1 "), ("api", "https://x.example"), ("extra", "true"), ("limit", "15")));

        Assert.Equal("""{"site":"s-1","api":"https://x.example","extra":true,"limit":15}""", section.GetRawText());
    }

    [Fact]
    public void ToSection_LeavesEmptyTextOut_SoDefaultsApplyAndRequiredRulesNameTheField()
    {
        var section = PlatformSectionForm.ToSection(Fields, Values(("site", "  "), ("api", "")));

        Assert.False(section.TryGetProperty("site", out _));
        Assert.False(section.TryGetProperty("api", out _));
        Assert.False(section.TryGetProperty("limit", out _));
        // An unticked checkbox posts nothing: false.
        Assert.False(section.GetProperty("extra").GetBoolean());
    }

    [Fact]
    public void ToSection_PassesANumberThatIsNotOneOnAsText_ForThePlatformToRefuse()
    {
        var section = PlatformSectionForm.ToSection(Fields, Values(("limit", "twelve")));

        Assert.Equal(JsonValueKind.String, section.GetProperty("limit").ValueKind);
        Assert.Equal("twelve", section.GetProperty("limit").GetString());
    }

    [Fact]
    public void ErrorPath_IsThePlatformThenTheField() => Assert.Equal("coworks.spaceId", PlatformSectionForm.ErrorPath("coworks", "spaceId"));

    private static Func<string, string?> Values(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
