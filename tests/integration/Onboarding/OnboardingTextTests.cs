using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace Market.Tests.Integration.Onboarding;

/// <summary>
/// The shop fields are one partial view shown by the shopkeeper's pages (Ui.resx) and the staff's pages (AdminText.resx):
/// every key it uses must be in all four files.
/// </summary>
public sealed class OnboardingTextTests
{
    private static readonly string[] SharedPrefixes = ["ShopForm.", "ShopKind.", "Day."];

    [Fact]
    public void SharedShopFieldText_IsInBothResources_InBothLanguages()
    {
        var files = new[] { "src/Market.Web/Resources/Ui.resx", "src/Market.Web/Resources/Ui.en.resx", "src/Market.Admin/Resources/AdminText.resx", "src/Market.Admin/Resources/AdminText.en.resx" };
        var keys = files.Select(f => XDocument.Load(Path.Combine(RepoRoot(), f)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).Where(k => SharedPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).Order().ToList()).ToList();

        keys[0].ShouldNotBeEmpty();
        foreach (var other in keys.Skip(1))
        {
            other.ShouldBe(keys[0]);
        }
    }

    private static string RepoRoot([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir.FullName, "Market.sln")))
        {
            dir = dir.Parent!;
        }
        return dir.FullName;
    }
}
