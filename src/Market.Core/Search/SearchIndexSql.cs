namespace Market.Core.Search;

/// <summary>
/// The full-text index of products (name, category, shop, description), hand-written per database and kept
/// here, outside the generated migrations, so that a regenerated migration still creates it. Triggers keep it
/// in step with every insert, update and delete of products, and with renamed shops and categories.
/// </summary>
public static class SearchIndexSql
{
    private const string SqliteRow = """
        INSERT INTO "ProductSearch" (rowid, "Name", "Category", "Shop", "Description")
        SELECT p."Id", p."Name", c."Name", s."Name", coalesce(p."Description", '')
        FROM "Products" p JOIN "Categories" c ON c."Id" = p."CategoryId" JOIN "Shops" s ON s."Id" = p."ShopId"
        """;

    /// <summary>FTS5 with unicode61 folding case and removing diacritics ("Piña" is indexed as "pina").</summary>
    public static readonly IReadOnlyList<string> SqliteUp =
    [
        """
        CREATE VIRTUAL TABLE "ProductSearch" USING fts5("Name", "Category", "Shop", "Description", tokenize = 'unicode61 remove_diacritics 2')
        """,
        $"""
        CREATE TRIGGER "ProductSearch_ProductInserted" AFTER INSERT ON "Products" BEGIN
            {SqliteRow} WHERE p."Id" = NEW."Id";
        END
        """,
        $"""
        CREATE TRIGGER "ProductSearch_ProductUpdated" AFTER UPDATE OF "Name", "Description", "CategoryId", "ShopId" ON "Products" BEGIN
            DELETE FROM "ProductSearch" WHERE rowid = OLD."Id";
            {SqliteRow} WHERE p."Id" = NEW."Id";
        END
        """,
        """
        CREATE TRIGGER "ProductSearch_ProductDeleted" AFTER DELETE ON "Products" BEGIN
            DELETE FROM "ProductSearch" WHERE rowid = OLD."Id";
        END
        """,
        $"""
        CREATE TRIGGER "ProductSearch_ShopRenamed" AFTER UPDATE OF "Name" ON "Shops" WHEN OLD."Name" IS NOT NEW."Name" BEGIN
            DELETE FROM "ProductSearch" WHERE rowid IN (SELECT "Id" FROM "Products" WHERE "ShopId" = NEW."Id");
            {SqliteRow} WHERE p."ShopId" = NEW."Id";
        END
        """,
        $"""
        CREATE TRIGGER "ProductSearch_CategoryRenamed" AFTER UPDATE OF "Name" ON "Categories" WHEN OLD."Name" IS NOT NEW."Name" BEGIN
            DELETE FROM "ProductSearch" WHERE rowid IN (SELECT "Id" FROM "Products" WHERE "CategoryId" = NEW."Id");
            {SqliteRow} WHERE p."CategoryId" = NEW."Id";
        END
        """,
        SqliteRow,
    ];

    public static readonly IReadOnlyList<string> SqliteDown =
    [
        """DROP TRIGGER IF EXISTS "ProductSearch_CategoryRenamed" """,
        """DROP TRIGGER IF EXISTS "ProductSearch_ShopRenamed" """,
        """DROP TRIGGER IF EXISTS "ProductSearch_ProductDeleted" """,
        """DROP TRIGGER IF EXISTS "ProductSearch_ProductUpdated" """,
        """DROP TRIGGER IF EXISTS "ProductSearch_ProductInserted" """,
        """DROP TABLE IF EXISTS "ProductSearch" """,
    ];

    /// <summary>
    /// A tsvector per product with the 'simple' configuration over unaccent()ed text (no language stemming:
    /// the query side handles plurals the same way on both databases), weighted A name, B category, C shop,
    /// D description. unaccent ships with Debian's postgresql-15 package and is a trusted extension.
    /// </summary>
    public static readonly IReadOnlyList<string> PostgresUp =
    [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        """
        CREATE TABLE "ProductSearch" (
            "ProductId" integer PRIMARY KEY REFERENCES "Products" ("Id") ON DELETE CASCADE,
            "Document" tsvector NOT NULL)
        """,
        """CREATE INDEX "IX_ProductSearch_Document" ON "ProductSearch" USING GIN ("Document")""",
        """
        CREATE FUNCTION market_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
            INSERT INTO "ProductSearch" ("ProductId", "Document")
            SELECT p."Id",
                setweight(to_tsvector('simple', unaccent(p."Name")), 'A')
                || setweight(to_tsvector('simple', unaccent(c."Name")), 'B')
                || setweight(to_tsvector('simple', unaccent(s."Name")), 'C')
                || setweight(to_tsvector('simple', unaccent(coalesce(p."Description", ''))), 'D')
            FROM "Products" p JOIN "Categories" c ON c."Id" = p."CategoryId" JOIN "Shops" s ON s."Id" = p."ShopId"
            WHERE p."Id" = ANY (ids)
            ON CONFLICT ("ProductId") DO UPDATE SET "Document" = EXCLUDED."Document";
        $$
        """,
        """
        CREATE FUNCTION market_search_product_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM market_search_refresh(ARRAY[NEW."Id"]);
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER "ProductSearch_ProductChanged" AFTER INSERT OR UPDATE OF "Name", "Description", "CategoryId", "ShopId"
        ON "Products" FOR EACH ROW EXECUTE FUNCTION market_search_product_changed()
        """,
        """
        CREATE FUNCTION market_search_shop_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM market_search_refresh(ARRAY(SELECT "Id" FROM "Products" WHERE "ShopId" = NEW."Id"));
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER "ProductSearch_ShopRenamed" AFTER UPDATE OF "Name" ON "Shops"
        FOR EACH ROW WHEN (OLD."Name" IS DISTINCT FROM NEW."Name") EXECUTE FUNCTION market_search_shop_renamed()
        """,
        """
        CREATE FUNCTION market_search_category_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM market_search_refresh(ARRAY(SELECT "Id" FROM "Products" WHERE "CategoryId" = NEW."Id"));
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER "ProductSearch_CategoryRenamed" AFTER UPDATE OF "Name" ON "Categories"
        FOR EACH ROW WHEN (OLD."Name" IS DISTINCT FROM NEW."Name") EXECUTE FUNCTION market_search_category_renamed()
        """,
        """SELECT market_search_refresh(ARRAY(SELECT "Id" FROM "Products"))""",
    ];

    public static readonly IReadOnlyList<string> PostgresDown =
    [
        """DROP TRIGGER IF EXISTS "ProductSearch_CategoryRenamed" ON "Categories" """,
        """DROP TRIGGER IF EXISTS "ProductSearch_ShopRenamed" ON "Shops" """,
        """DROP TRIGGER IF EXISTS "ProductSearch_ProductChanged" ON "Products" """,
        "DROP FUNCTION IF EXISTS market_search_category_renamed()",
        "DROP FUNCTION IF EXISTS market_search_shop_renamed()",
        "DROP FUNCTION IF EXISTS market_search_product_changed()",
        "DROP FUNCTION IF EXISTS market_search_refresh(integer[])",
        """DROP TABLE IF EXISTS "ProductSearch" """,
    ];

    /// <summary>
    /// Matching products with a relevance tier: 0 every term in the name, 1 every term in the name or the
    /// category, 2 anywhere (shop name, description). Tiers rather than bm25/ts_rank scores, so that both
    /// databases rank a corpus the same way; distance orders the products inside a tier.
    /// Parameters: {0} name query, {1} name-or-category query, {2} anywhere query (see SearchTerms).
    /// </summary>
    public const string SqliteHits = """
        SELECT "ProductId", MIN("Tier") AS "Tier" FROM (
            SELECT rowid AS "ProductId", 0 AS "Tier" FROM "ProductSearch" WHERE "ProductSearch" MATCH {0}
            UNION ALL SELECT rowid, 1 FROM "ProductSearch" WHERE "ProductSearch" MATCH {1}
            UNION ALL SELECT rowid, 2 FROM "ProductSearch" WHERE "ProductSearch" MATCH {2}
        ) AS h GROUP BY "ProductId"
        """;

    public const string PostgresHits = """
        SELECT "ProductId",
            CASE WHEN "Document" @@ to_tsquery('simple', {0}) THEN 0
                 WHEN "Document" @@ to_tsquery('simple', {1}) THEN 1
                 ELSE 2 END AS "Tier"
        FROM "ProductSearch" WHERE "Document" @@ to_tsquery('simple', {2})
        """;
}
