using Microsoft.EntityFrameworkCore;

namespace Market.Core.Data;

/// <summary>
/// Before e-mails and phones became unique, one could open two accounts. Which of two accounts keeps an e-mail is a
/// person's decision, not a migration's: start-up stops and names them instead.
/// </summary>
internal static class DuplicateIdentities
{
    private const string UniqueFrom = "AccountsHardening";

    public static async Task RefuseAsync(MarketDbContext db, CancellationToken ct)
    {
        var pending = await db.Database.GetPendingMigrationsAsync(ct);
        var applied = await db.Database.GetAppliedMigrationsAsync(ct);
        if (!applied.Any() || !pending.Any(m => m.EndsWith("_" + UniqueFrom, StringComparison.Ordinal)))
        {
            return;
        }
        var shared = await db.Database.SqlQueryRaw<string>("""
            SELECT "NormalizedEmail" AS "Value" FROM "AspNetUsers" WHERE "NormalizedEmail" IS NOT NULL GROUP BY "NormalizedEmail" HAVING COUNT(*) > 1
            UNION ALL
            SELECT "PhoneNumber" AS "Value" FROM "AspNetUsers" WHERE "PhoneNumber" IS NOT NULL GROUP BY "PhoneNumber" HAVING COUNT(*) > 1
            """).ToListAsync(ct);
        if (shared.Count > 0)
        {
            throw new InvalidOperationException(
                $"E-mails and phones are now one per account, but these belong to more than one account: {string.Join(", ", shared.Order(StringComparer.Ordinal))}. " +
                "Give each account its own (change or clear the e-mail or phone of all but one in AspNetUsers: Email and NormalizedEmail, or PhoneNumber), then start again.");
        }
    }
}
