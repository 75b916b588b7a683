using System.Globalization;
using System.Text;
using Market.Core.Catalog;
using Market.Core.Catalog.Csv;

namespace Market.Core.DemoData;

/// <summary>The demo CSV files embedded in this assembly as "DemoData.&lt;file name&gt;".</summary>
internal static class DemoFiles
{
    public static IReadOnlyList<MunicipalityRow> Municipalities() =>
        Read("municipios.csv")
            .Select(r => new MunicipalityRow(r["codigo"], r["nombre"], Number(r["lat"]), Number(r["lng"]), List(r["colonias_conocidas"])))
            .ToList();

    public static IReadOnlyList<NeighbourhoodRow> Neighbourhoods() =>
        Read("colonias.csv")
            .Select(r => new NeighbourhoodRow(r["municipio"], r["nombre"], Number(r["lat"]), Number(r["lng"])))
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

    public static IReadOnlyList<MarketRow> Markets() =>
        Read("mercados-demo.csv")
            .Select(r => new MarketRow(r["municipio"], r["nombre"], Enum.Parse<MarketDays.PublicSpaceKind>(r["tipo"]),
                r["modo_calle"] switch
                {
                    "CalleCompartida" => MarketDays.StreetUse.SharedStreet,
                    "CalleFlexible" => MarketDays.StreetUse.FlexibleStreet,
                    _ => null,
                },
                int.Parse(r["puestos"], CultureInfo.InvariantCulture), r["horario_habitual"], r["horas_permitidas_calle"]))
            .ToList();

    /// <summary>Rows as column → value; the files are ours, so anything malformed is a build mistake and throws.</summary>
    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string file)
    {
        var name = "DemoData." + file;
        using var stream = typeof(DemoFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing: Market.Core.csproj must embed DemoData\\*.csv.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var records = CsvRecords.Read(reader.ReadToEnd(), ',').Where(r => !r.IsBlank).ToList();
        if (records.FirstOrDefault(r => r.Malformed || r.Fields.Count != records[0].Fields.Count) is { } bad)
        {
            throw new FormatException($"{name}, line {bad.Line}: malformed record.");
        }
        var header = records[0].Fields;
        return [.. records.Skip(1).Select(r => (IReadOnlyDictionary<string, string>)header
            .Select((column, i) => (column, i)).ToDictionary(c => c.column, c => r.Fields[c.i], StringComparer.Ordinal))];
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<string> List(string text) =>
        [.. text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
