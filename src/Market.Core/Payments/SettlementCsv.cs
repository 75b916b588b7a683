using System.Globalization;
using System.Text;
using Market.Core.Catalog;
using Market.Core.Catalog.Csv;

namespace Market.Core.Payments;

/// <summary>
/// A shop's ledger lines for a period as the CSV metropolitan staff settle from: written like the catalog export
/// (UTF-8 with a byte-order mark, CRLF, formula-looking text guarded) so Excel opens it as it is.
/// </summary>
public static class SettlementCsv
{
    public static readonly IReadOnlyList<string> Columns = ["fecha", "pedido", "concepto", "monto", "en_saldo"];

    private static readonly Dictionary<LedgerKind, string> Concepts = new()
    {
        [LedgerKind.CardSale] = "venta con tarjeta",
        [LedgerKind.CashSale] = "venta en efectivo (cobrada por la tienda)",
        [LedgerKind.Refund] = "reembolso",
        [LedgerKind.Commission] = "comisión",
        [LedgerKind.CommissionRefund] = "devolución de comisión",
    };

    public static byte[] Write(IEnumerable<LedgerEntry> lines)
    {
        var text = new StringBuilder();
        CatalogCsvFormat.AppendRecord(text, Columns);
        var balance = Money.Zero;
        foreach (var l in lines)
        {
            balance += l.CountsInBalance ? l.Amount : Money.Zero;
            CatalogCsvFormat.AppendRecord(text,
            [
                ElSalvadorTime.Local(l.RecordedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                CatalogCsvFormat.Guard(l.OrderCode),
                Concepts[l.Kind],
                l.Amount.ToPlainString(),
                l.CountsInBalance ? CatalogCsvFormat.Yes : CatalogCsvFormat.No,
            ]);
        }
        CatalogCsvFormat.AppendRecord(text, ["", "", "saldo a pagar a la tienda", balance.ToPlainString(), CatalogCsvFormat.Yes]);
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>"Tienda Doña Tere", 1-30 Nov → "liquidacion-tienda-dona-tere-2026-11-01-2026-11-30.csv".</summary>
    public static string FileName(string shopName, DateOnly from, DateOnly to) =>
        $"liquidacion-{(Slug.From(shopName) is { Length: > 0 } slug ? slug : "tienda")}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv";
}
