using Market.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Market.Core.Search;

/// <summary>One product that matches a search, with its relevance tier (0 best; see SearchIndexSql.SqliteHits).</summary>
public sealed class SearchHit
{
    /// <summary>How many relevance tiers there are: 0, 1 and 2.</summary>
    public const int Tiers = 3;

    public int ProductId { get; init; }
    public int Tier { get; init; }
}

public static class SearchHits
{
    /// <summary>The matching products as a query that composes with the rest of the catalog query (joins, filters, paging).</summary>
    public static IQueryable<SearchHit> Search(this MarketDbContext db, SearchTerms terms)
    {
        if (db.Database.IsNpgsql())
        {
            var (name, nameOrCategory, anywhere) = terms.ForPostgres();
            return db.Database.SqlQueryRaw<SearchHit>(SearchIndexSql.PostgresHits, name, nameOrCategory, anywhere);
        }
        var (n, nc, any) = terms.ForSqlite();
        return db.Database.SqlQueryRaw<SearchHit>(SearchIndexSql.SqliteHits, n, nc, any);
    }
}
