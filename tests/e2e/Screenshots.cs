using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Market.Tests.E2e;

/// <summary>Full-page screenshots in artifacts/e2e at the repository root, numbered in the order the test took them.</summary>
public sealed class Screenshots(ITestOutputHelper output, string test)
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "artifacts", "e2e");

    private int taken;

    public async Task TakeAsync(IPage page, string step)
    {
        taken++;
        var path = Path.Combine(Folder, $"{test}-{taken:D2}-{step}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine(path);
    }

    // The build output may live outside the repository (--artifacts-path), so start from where this file was compiled.
    internal static string RepositoryRoot([CallerFilePath] string source = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Market.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException($"Market.sln not found above {source}.");
    }
}
