using System.Globalization;
using Market.Core;
using Market.Core.Audit;
using Market.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Market.Admin.Staff;

/// <summary>What staff did: metropolitan staff read everything, municipal staff their own municipality's entries.</summary>
[Authorize(Policy = StaffScope.Policy)]
public sealed class AuditController(MarketDbContext db) : Controller
{
    public const int PageSize = 50;

    [HttpGet("/admin/auditoria")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        var scope = StaffScope.Of(User)!;
        var entries = db.AuditEntries.AsNoTracking();
        if (scope.Municipality is { } own)
        {
            entries = entries.Where(e => e.MunicipalityId == own);
        }
        else if (filter.Municipio is { } chosen)
        {
            entries = entries.Where(e => e.MunicipalityId == chosen);
        }
        if (!string.IsNullOrWhiteSpace(filter.Accion))
        {
            entries = entries.Where(e => e.Action.StartsWith(filter.Accion.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(filter.Quien))
        {
            var who = filter.Quien.Trim();
            entries = entries.Where(e => e.ActorName.Contains(who) || e.Subject.Contains(who));
        }
        if (Day(filter.Desde) is { } from)
        {
            var start = ElSalvadorTime.ToUtc(from, TimeOnly.MinValue);
            entries = entries.Where(e => e.At >= start);
        }
        if (Day(filter.Hasta) is { } to)
        {
            var end = ElSalvadorTime.ToUtc(to.AddDays(1), TimeOnly.MinValue);
            entries = entries.Where(e => e.At < end);
        }
        var page = Math.Max(1, filter.Pagina ?? 1);
        var rows = await entries.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => scope.Municipality == null || m.Id == scope.Municipality)
            .ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return View("/Staff/Audit.cshtml", new AuditPage(filter, [.. rows.Take(PageSize)], rows.Count > PageSize, page, municipalities, scope.Municipality is null));
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

/// <summary>The filters as they travel in the address, so a filtered list can be bookmarked or sent.</summary>
public sealed record AuditFilter
{
    public string? Accion { get; init; }
    public string? Quien { get; init; }
    public string? Desde { get; init; }
    public string? Hasta { get; init; }
    public int? Municipio { get; init; }
    public int? Pagina { get; init; }
}

public sealed record AuditPage(AuditFilter Filter, IReadOnlyList<AuditEntry> Entries, bool HasMore, int Page,
    IReadOnlyDictionary<int, string> Municipalities, bool AllMunicipalities);
