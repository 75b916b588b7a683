using System.Globalization;
using System.Text.RegularExpressions;

namespace Market.Core.Catalog.Csv;

/// <summary>
/// The rules one row of an import must keep. Each broken rule is a problem naming the offending value, so the
/// shopkeeper can find it in the spreadsheet; a row with no problems becomes a <see cref="CatalogLine"/>.
/// </summary>
public sealed partial class CatalogRowRules
{
    public const int MaxSku = 40;
    public const int MaxName = 160;
    public const int MaxDescription = 2000;
    public const int MaxUnit = 30;
    public const decimal MaxPrice = 1_000_000m;

    /// <summary>How much of an offending value a message quotes.</summary>
    private const int QuoteLength = 40;

    private static readonly HashSet<string> YesWords = ["si", "true", "1"];
    private static readonly HashSet<string> NoWords = ["no", "false", "0"];

    private readonly Dictionary<string, Category> categories = new(StringComparer.Ordinal);

    /// <param name="categories">Matched by name or slug, without case or accents.</param>
    public CatalogRowRules(IEnumerable<Category> categories)
    {
        foreach (var category in categories)
        {
            this.categories.TryAdd(Slug.From(category.Name), category);
            this.categories.TryAdd(Slug.From(category.Slug), category);
        }
    }

    public CatalogLine? Check(CatalogCsvHeader header, CsvRecord record, ICollection<CsvProblem> problems)
    {
        if (record.Malformed)
        {
            problems.Add(new(record.Line, "CatalogCsv.BadQuotes", []));
            return null;
        }
        if (record.Fields.Count != header.FieldCount)
        {
            problems.Add(new(record.Line, "CatalogCsv.FieldCount", [Number(record.Fields.Count), Number(header.FieldCount)]));
            return null;
        }
        var before = problems.Count;
        string Text(CatalogColumn column) => header[record, column];
        void Problem(string key, params string[] args) => problems.Add(new(record.Line, key, args));

        var sku = Text(CatalogColumn.Sku);
        if (sku.Length == 0)
        {
            Problem("CatalogCsv.SkuRequired");
        }
        else if (sku.Length > MaxSku)
        {
            Problem("CatalogCsv.SkuTooLong", Number(MaxSku));
        }
        else if (SpreadsheetNumber().IsMatch(sku))
        {
            // A barcode used as SKU comes back from Excel as 7.50101E+12: matching on it would make a new product.
            Problem("CatalogCsv.SkuMangled", Quote(sku));
        }

        var name = Text(CatalogColumn.Name);
        if (name.Length == 0)
        {
            Problem("CatalogCsv.NameRequired");
        }
        else if (name.Length > MaxName)
        {
            Problem("CatalogCsv.NameTooLong", Number(name.Length), Number(MaxName));
        }

        var description = Text(CatalogColumn.Description);
        if (description.Length > MaxDescription)
        {
            Problem("CatalogCsv.DescriptionTooLong", Number(description.Length), Number(MaxDescription));
        }

        var categoryText = Text(CatalogColumn.Category);
        categories.TryGetValue(Slug.From(categoryText), out var category);
        if (categoryText.Length == 0)
        {
            Problem("CatalogCsv.CategoryRequired");
        }
        else if (category is null)
        {
            Problem("CatalogCsv.CategoryUnknown", Quote(categoryText));
        }

        var unit = Text(CatalogColumn.Unit);
        if (unit.Length == 0)
        {
            Problem("CatalogCsv.UnitRequired");
        }
        else if (unit.Length > MaxUnit)
        {
            Problem("CatalogCsv.UnitTooLong", Number(MaxUnit));
        }

        var price = Price(Text(CatalogColumn.Price), Problem);
        var stock = Stock(Text(CatalogColumn.Stock), Problem);
        var active = YesNo(CatalogColumn.Active, Text(CatalogColumn.Active), Problem);
        var local = YesNo(CatalogColumn.Local, Text(CatalogColumn.Local), Problem);

        return problems.Count > before
            ? null
            : new CatalogLine(sku, name, description.Length == 0 ? null : description, category!, unit, price, stock, active, local);
    }

    private static Money Price(string text, Action<string, string[]> problem)
    {
        var number = text.TrimStart('$').Trim();
        // A spreadsheet set to Spain's Spanish writes 1,25; a comma before three digits is a thousands mark, refused below.
        var comma = number.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0 && !number.Contains('.', StringComparison.Ordinal) && number.Length - comma - 1 is 1 or 2)
        {
            number = number.Replace(',', '.');
        }
        if (text.Length == 0)
        {
            problem("CatalogCsv.PriceRequired", []);
        }
        else if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            problem("CatalogCsv.PriceInvalid", [Quote(text)]);
        }
        else if (decimal.Round(value, 2) != value)
        {
            problem("CatalogCsv.PriceDecimals", [Quote(text)]);
        }
        else if (value <= 0)
        {
            problem("CatalogCsv.PricePositive", [Quote(text)]);
        }
        else if (value > MaxPrice)
        {
            problem("CatalogCsv.PriceTooHigh", [Quote(text), new Money((long)(MaxPrice * 100)).ToString()]);
        }
        else
        {
            return Money.FromDollars(value);
        }
        return Money.Zero;
    }

    private static int? Stock(string text, Action<string, string[]> problem)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var stock) && stock is >= 0 and <= ProductInput.MaxStock)
        {
            return stock;
        }
        problem("CatalogCsv.StockInvalid", [Quote(text), Number(ProductInput.MaxStock)]);
        return null;
    }

    private static bool YesNo(CatalogColumn column, string text, Action<string, string[]> problem)
    {
        if (text.Length == 0)
        {
            problem("CatalogCsv.YesNoRequired", [CatalogCsvFormat.Columns[(int)column]]);
            return false;
        }
        var word = Slug.From(text);
        if (YesWords.Contains(word))
        {
            return true;
        }
        if (!NoWords.Contains(word))
        {
            problem("CatalogCsv.YesNoInvalid", [CatalogCsvFormat.Columns[(int)column], Quote(text)]);
        }
        return false;
    }

    [GeneratedRegex(@"^\d+([.,]\d+)?E\+\d+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpreadsheetNumber();

    private static string Quote(string value) => value.Length <= QuoteLength ? value : value[..QuoteLength] + "…";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
