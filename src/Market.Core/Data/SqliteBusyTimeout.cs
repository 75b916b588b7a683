using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Market.Core.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock, with its fine-grained back-off. Without it Microsoft.Data.Sqlite
/// retries a busy database every 150 ms, which made every checkout, outbox append and worker step that met
/// another writer wait in steps of 150 ms (measured with bench/run).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
