using System.Globalization;
using System.Text;
using Market.Core.Catalog;

namespace Market.Core.DemoData;

/// <summary>The demo CSV files embedded in this assembly as "DemoData.&lt;file name&gt;".</summary>
internal static class DemoFiles
{
    public static IReadOnlyList<MunicipalityRow> Municipalities() =>
        Read("municipios.csv")
            .Select(r => new MunicipalityRow(r["codigo"], r["nombre"], Number(r["lat"]), Number(r["lng"]), List(r["colonias_conocidas"])))
            .ToList();

    public static IReadOnlyList<ShopRow> Shops() =>
        Read("tiendas-demo.csv")
            .Select((r, index) => new ShopRow(index + 1, r["nombre"], Enum.Parse<ShopKind>(r["tipo"]), r["municipio"], List(r["vende"]).ToHashSet(StringComparer.Ordinal)))
            .ToList();

    public static IReadOnlyList<ProductRow> Products() =>
        Read("productos-demo.csv")
            .Select(r => new ProductRow(
                r["categoria"],
                r["nombre"],
                r["unidad"],
                Money.FromDollars(decimal.Parse(r["precio_usd"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)),
                bool.Parse(r["local"]),
                List(r["vende_tipo"]).Select(Enum.Parse<ShopKind>).ToHashSet()))
            .ToList();

    private static IReadOnlyList<CsvRow> Read(string file)
    {
        var name = "DemoData." + file;
        using var stream = typeof(DemoFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing: Market.Core.csproj must embed DemoData\\*.csv.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return CsvReader.Read(reader);
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<string> List(string text) =>
        [.. text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
