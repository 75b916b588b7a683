using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Market.Tests.Integration.Authorization;

/// <summary>
/// A hash of every row of every table of the app's SQLite file, per table, so a test can say "nothing changed" and, when
/// something did, which table. What the background relay and worker write on their own is left out.
/// </summary>
public static class DatabaseFingerprint
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "__EFMigrationsHistory", "FulfilmentHandlings" };

    // Written by the relay (PublishedAt), and at most every few minutes by any signed-in request (LastSeenAt).
    private static readonly HashSet<string> SkippedColumns = new(StringComparer.Ordinal) { "Outbox.PublishedAt", "UserSessions.LastSeenAt" };

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString + ";Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => !Skipped.Contains(t)))
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!SkippedColumns.Contains(table + "." + reader.GetName(i)))
                    {
                        hash.AppendData(Encoding.UTF8.GetBytes(reader.IsDBNull(i) ? "\u0000" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) + "\u0001"));
                    }
                }
            }
            hashes[table] = rows + ":" + Convert.ToHexString(hash.GetHashAndReset());
        }
        return hashes;
    }

    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Order(StringComparer.Ordinal)];
}
