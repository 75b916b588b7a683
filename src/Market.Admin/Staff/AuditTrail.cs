using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Market.Core.Accounts;
using Market.Core.Audit;
using Market.Core.Data;
using Microsoft.AspNetCore.Http;

namespace Market.Admin.Staff;

/// <summary>
/// Writes what a staff member did into the audit table, on the request's own database context: the entry is saved by the
/// action's SaveChanges, in its transaction, so there is never an action without its entry or an entry without its action.
/// </summary>
public sealed class AuditTrail(MarketDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Record(string action, string subject, int? municipalityId, object? before, object? after) =>
        db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), Actor(), action, subject, municipalityId,
            before is null ? null : JsonSerializer.Serialize(before, Json), after is null ? null : JsonSerializer.Serialize(after, Json)));

    private AuditActor Actor()
    {
        var context = http.HttpContext;
        var user = context?.User;
        return new AuditActor(user?.FindFirstValue(ClaimTypes.NameIdentifier), user?.FindFirstValue(MarketClaims.DisplayName) ?? "?",
            context?.Connection.RemoteIpAddress?.ToString());
    }
}
