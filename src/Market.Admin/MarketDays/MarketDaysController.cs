using System.Globalization;
using System.Security.Claims;
using Market.Admin.Resources;
using Market.Admin.Staff;
using Market.Admin.ShopApprovals;
using Market.Core;
using Market.Core.Accounts;
using Market.Core.Data;
using Market.Core.MarketDays;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Market.Admin.MarketDays;

/// <summary>Public spaces, their series and market days, and stall applications; municipal staff in their municipality only.</summary>
[Authorize(Policy = StaffScope.Policy)]
public sealed class MarketDaysController(MarketDbContext db, TimeProvider clock, IStringLocalizer<AdminText> text) : Controller
{
    /// <summary>Null for metropolitan staff (all municipalities); the policy has refused anyone without a scope.</summary>
    private int? OwnMunicipality => StaffScope.Of(User)!.Municipality;

    [HttpGet("/admin/mercados")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await IndexPageAsync(null, [], ct));

    [HttpGet("/admin/mercados/espacios/nuevo")]
    public async Task<IActionResult> NewSpace(CancellationToken ct) =>
        View("SpaceForm", await SpaceFormPageAsync(null, new SpaceForm { MunicipalityId = OwnMunicipality }, [], [], ct));

    [HttpPost("/admin/mercados/espacios/nuevo")]
    public Task<IActionResult> NewSpace(SpaceForm form, [FromServices] SaveSpaceHandler save, CancellationToken ct) =>
        SaveSpaceAsync(null, form, save, ct);

    [HttpGet("/admin/mercados/espacios/{id:int}/editar")]
    public async Task<IActionResult> EditSpace(int id, CancellationToken ct)
    {
        var space = await InScope(db.PublicSpaces).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return space is null ? NotFound() : View("SpaceForm", await SpaceFormPageAsync(id, SpaceForm.From(space), [], [], ct));
    }

    [HttpPost("/admin/mercados/espacios/{id:int}/editar")]
    public Task<IActionResult> EditSpace(int id, SpaceForm form, [FromServices] SaveSpaceHandler save, CancellationToken ct) =>
        SaveSpaceAsync(id, form, save, ct);

    [HttpGet("/admin/mercados/espacios/{id:int}")]
    public async Task<IActionResult> Space(int id, CancellationToken ct)
    {
        var page = await SpacePageAsync(id, new SeriesForm { First = Today().AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, [], [], ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("/admin/mercados/espacios/{id:int}/series")]
    public async Task<IActionResult> NewSeries(int id, SeriesForm form, [FromServices] CreateSeriesHandler create, CancellationToken ct)
    {
        var schedule = form.ToSchedule();
        var result = schedule is null
            ? new SeriesResult(await ScopeAsync(db.PublicSpaces.Where(s => s.Id == id).Select(s => s.MunicipalityId), ct) ?? StaffOutcome.Refused)
            : await create.HandleAsync(new CreateSeries(id, schedule, OwnMunicipality), ct);
        if (Refusal(result.Outcome) is { } refusal)
        {
            return refusal;
        }
        if (result.Outcome == StaffOutcome.Done)
        {
            TempData["Notice"] = "Series.Created";
            TempData["NoticeArg"] = result.Days;
            return LocalRedirect($"/admin/mercados/espacios/{id}");
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var errors = schedule is null ? [text["Series.FormInvalid"].Value] : (result.Problems ?? []).Select(p => text[p].Value).ToList();
        return View("Space", await SpacePageAsync(id, form, errors, Describe(result.Breaks ?? []), ct));
    }

    [HttpGet("/admin/mercados/jornadas/{id:int}")]
    public async Task<IActionResult> Day(int id, CancellationToken ct)
    {
        var page = await DayPageAsync(id, null, [], null, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("/admin/mercados/jornadas/{id:int}/cancelar")]
    public Task<IActionResult> CancelDay(int id, string? reason, [FromServices] ChangeMarketDayHandler change, CancellationToken ct) =>
        ChangeDayAsync(id, new ChangeMarketDay(id, reason, null, null, null, OwnMunicipality), new MoveForm { Reason = reason }, change, ct);

    [HttpPost("/admin/mercados/jornadas/{id:int}/mover")]
    public async Task<IActionResult> MoveDay(int id, MoveForm form, [FromServices] ChangeMarketDayHandler change, CancellationToken ct)
    {
        if (FormValues.Date(form.Date) is not { } date)
        {
            if (Refusal(await ScopeAsync(db.MarketDays.Where(d => d.Id == id).Select(d => d.PublicSpace.MunicipalityId), ct) ?? StaffOutcome.Done) is { } failure)
            {
                return failure;
            }
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Day", await DayPageAsync(id, form, [text["MarketDays.DateInvalid"].Value], null, ct));
        }
        return await ChangeDayAsync(id, new ChangeMarketDay(id, form.Reason, date, FormValues.Time(form.Opens), FormValues.Time(form.Closes), OwnMunicipality),
            form, change, ct);
    }

    [HttpPost("/admin/mercados/solicitudes/{id:int}/aprobar")]
    public Task<IActionResult> Approve(int id, int? stall, [FromServices] ReviewStallApplicationHandler review, CancellationToken ct) =>
        ReviewAsync(new ReviewStallApplication(id, StallDecision.Approve, stall, null, OwnMunicipality), review, ct);

    [HttpPost("/admin/mercados/solicitudes/{id:int}/espera")]
    public Task<IActionResult> WaitList(int id, [FromServices] ReviewStallApplicationHandler review, CancellationToken ct) =>
        ReviewAsync(new ReviewStallApplication(id, StallDecision.WaitList, null, null, OwnMunicipality), review, ct);

    [HttpPost("/admin/mercados/solicitudes/{id:int}/rechazar")]
    public Task<IActionResult> Reject(int id, string? reason, [FromServices] ReviewStallApplicationHandler review, CancellationToken ct) =>
        ReviewAsync(new ReviewStallApplication(id, StallDecision.Reject, null, reason, OwnMunicipality), review, ct);

    [HttpPost("/admin/mercados/solicitudes/{id:int}/pagado")]
    public Task<IActionResult> MarkPaid(int id, [FromServices] ReviewStallApplicationHandler review, CancellationToken ct) =>
        ReviewAsync(new ReviewStallApplication(id, StallDecision.MarkPaid, null, null, OwnMunicipality), review, ct);

    [Authorize(Roles = Roles.MetroStaff)]
    [HttpPost("/admin/mercados/limites/{municipalityId:int}")]
    public async Task<IActionResult> Limits(int municipalityId, int maxDaysPerMonth, int maxConsecutiveDays, string? stallFee,
        [FromServices] ChangeLimitsHandler change, CancellationToken ct)
    {
        var result = await change.HandleAsync(new ChangeLimits(municipalityId, maxDaysPerMonth, maxConsecutiveDays, stallFee), ct);
        if (result.Outcome == StaffOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Outcome == StaffOutcome.Refused)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await IndexPageAsync(Format(result.MessageKey!, result.Args),
                [.. (result.Breaks ?? []).Select(b => $"{b.Space} · {Describe(b.Break)}")], ct,
                new LimitsRow(municipalityId, "", maxDaysPerMonth, maxConsecutiveDays, stallFee ?? "")));
        }
        if (result.NewFee is { } fee)
        {
            TempData["Notice"] = "Limits.SavedNewFee";
            TempData["NoticeArg"] = fee.ToString();
        }
        else
        {
            TempData["Notice"] = "Limits.Saved";
        }
        return LocalRedirect("/admin/mercados");
    }

    private async Task<IActionResult> SaveSpaceAsync(int? id, SpaceForm form, SaveSpaceHandler save, CancellationToken ct)
    {
        var result = await save.HandleAsync(new SaveSpace(id, form.MunicipalityId ?? 0, form.ToDetails(), OwnMunicipality), ct);
        if (Refusal(result.Outcome) is { } refusal)
        {
            return refusal;
        }
        if (result.Outcome == StaffOutcome.Done)
        {
            TempData["Notice"] = "Spaces.Saved";
            return LocalRedirect($"/admin/mercados/espacios/{result.SpaceId}");
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("SpaceForm", await SpaceFormPageAsync(id, form, [.. (result.Problems ?? []).Select(p => text[p.MessageKey].Value)],
            Describe(result.Breaks ?? []), ct));
    }

    private async Task<IActionResult> ChangeDayAsync(int id, ChangeMarketDay command, MoveForm form, ChangeMarketDayHandler change, CancellationToken ct)
    {
        var result = await change.HandleAsync(command, ct);
        if (Refusal(result.Outcome) is { } refusal)
        {
            return refusal;
        }
        if (result.Outcome == StaffOutcome.Done)
        {
            TempData["Notice"] = command.IsMove ? "MarketDays.Moved" : "MarketDays.Cancelled";
            return LocalRedirect($"/admin/mercados/jornadas/{id}");
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var errors = result.MessageKey is { } key ? [Format(key, result.Args)] : Describe(result.Breaks ?? []);
        return View("Day", await DayPageAsync(id, form, errors, null, ct));
    }

    private async Task<IActionResult> ReviewAsync(ReviewStallApplication command, ReviewStallApplicationHandler review, CancellationToken ct)
    {
        var result = await review.HandleAsync(command, ct);
        if (Refusal(result.Outcome) is { } refusal)
        {
            return refusal;
        }
        var dayId = await db.StallApplications.Where(a => a.Id == command.ApplicationId).Select(a => a.MarketDayId).SingleAsync(ct);
        if (result.Outcome == StaffOutcome.Done)
        {
            TempData["Notice"] = "Stalls.Decided." + command.Decision;
            return LocalRedirect($"/admin/mercados/jornadas/{dayId}");
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Day", await DayPageAsync(dayId, null, [Format(result.MessageKey!, result.Args)], command.ApplicationId, ct));
    }

    /// <summary>Another municipality's ids are refused the same way by every staff action.</summary>
    private StatusCodeResult? Refusal(StaffOutcome outcome) => outcome switch
    {
        StaffOutcome.NotFound => NotFound(),
        StaffOutcome.Forbidden => StatusCode(StatusCodes.Status403Forbidden),
        _ => null,
    };

    /// <summary>For a form that never reaches its handler: NotFound or Forbidden as the handler would say, null when in scope.</summary>
    private async Task<StaffOutcome?> ScopeAsync(IQueryable<int> municipalityOf, CancellationToken ct)
    {
        var municipality = await municipalityOf.Select(m => (int?)m).SingleOrDefaultAsync(ct);
        return municipality is null ? StaffOutcome.NotFound
            : OwnMunicipality is { } own && own != municipality ? StaffOutcome.Forbidden
            : null;
    }

    private string Format(string key, IReadOnlyList<object>? args) =>
        text[key, [.. (args ?? []).Select(a => a switch
        {
            StallApplicationStatus s => text["StallStatus." + s].Value,
            TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
            _ => a,
        })]].Value;

    /// <summary>"sáb 9 ene 2027: …" for each date and rule broken.</summary>
    private List<string> Describe(IReadOnlyList<RuleBreak> breaks) => [.. breaks.Select(Describe)];

    private string Describe(RuleBreak b) => $"{StaffDates.Day(b.Date)}: {Format(b.Rule, b.Args)}";

    private DateOnly Today() => ElSalvadorTime.Today(clock);

    private IQueryable<PublicSpace> InScope(IQueryable<PublicSpace> spaces) =>
        OwnMunicipality is { } own ? spaces.Where(s => s.MunicipalityId == own) : spaces;

    private async Task<MarketsIndexPage> IndexPageAsync(string? problem, IReadOnlyList<string> affected, CancellationToken ct, LimitsRow? typed = null)
    {
        var today = Today();
        var spaces = await InScope(db.PublicSpaces)
            .Select(s => new SpaceRow(s.Id, s.Name, s.Kind, s.Municipality.Name, s.Capacity,
                db.MarketDays.Where(d => d.PublicSpaceId == s.Id && d.Status == MarketDayStatus.Scheduled && d.Date >= today)
                    .OrderBy(d => d.Date).Select(d => (DateOnly?)d.Date).FirstOrDefault()))
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var own = OwnMunicipality;
        var toReview = await db.MarketDays
            .Where(d => d.Status == MarketDayStatus.Scheduled && d.EndsAt > now && (own == null || d.PublicSpace.MunicipalityId == own)
                && db.StallApplications.Any(a => a.MarketDayId == d.Id && a.Status == StallApplicationStatus.Pending))
            .OrderBy(d => d.Date).Take(50)
            .Select(d => new DayToReview(d.Id, d.PublicSpace.Name, d.Date,
                db.StallApplications.Count(a => a.MarketDayId == d.Id && a.Status == StallApplicationStatus.Pending)))
            .ToListAsync(ct);
        var isMetro = own is null;
        List<LimitsRow> limits = [];
        if (isMetro)
        {
            var stored = await db.MarketLimits.ToDictionaryAsync(l => l.MunicipalityId, ct);
            var municipalities = await db.Municipalities.Select(m => new { m.Id, m.Name }).ToListAsync(ct);
            limits = [.. municipalities.OrderBy(m => m.Name, SpanishOrder.Names).Select(m =>
                typed?.MunicipalityId == m.Id ? typed with { Municipality = m.Name }
                : stored.GetValueOrDefault(m.Id) is { } l ? new LimitsRow(m.Id, m.Name, l.MaxDaysPerMonth, l.MaxConsecutiveDays, l.StallFee.ToPlainString())
                : new LimitsRow(m.Id, m.Name, MarketLimits.DefaultDaysPerMonth, MarketLimits.DefaultConsecutiveDays, Money.Zero.ToPlainString()))];
        }
        return new([.. spaces.OrderBy(s => s.Municipality, SpanishOrder.Names).ThenBy(s => s.Name, SpanishOrder.Names)], toReview, limits, isMetro, problem,
            affected);
    }

    private async Task<SpaceFormPage> SpaceFormPageAsync(int? id, SpaceForm form, IReadOnlyList<string> errors, IReadOnlyList<string> breaks,
        CancellationToken ct)
    {
        var own = OwnMunicipality;
        var municipalities = await db.Municipalities.Where(m => own == null || m.Id == own)
            .Select(m => new MunicipalityOption(m.Id, m.Name)).ToListAsync(ct);
        return new(id, form, [.. municipalities.OrderBy(m => m.Name, SpanishOrder.Names)], errors, breaks);
    }

    private async Task<SpacePage?> SpacePageAsync(int id, SeriesForm form, IReadOnlyList<string> errors, IReadOnlyList<string> breaks, CancellationToken ct)
    {
        var space = await InScope(db.PublicSpaces).AsNoTracking().Include(s => s.Municipality).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (space is null)
        {
            return null;
        }
        var series = await db.MarketSeries.Where(s => s.PublicSpaceId == id).OrderBy(s => s.FirstDate)
            .Select(s => new SeriesRow(s.Id, s.Pattern, s.Rule, s.FirstDate, s.LastDate, s.Opens, s.Closes)).ToListAsync(ct);
        var today = Today();
        var days = await db.MarketDays.Where(d => d.PublicSpaceId == id && d.Date >= today).OrderBy(d => d.Date).ThenBy(d => d.Opens).Take(60)
            .Select(d => new DayRow(d.Id, d.Date, d.Opens, d.Closes, d.Status, d.ChangeReason,
                db.StallApplications.Count(a => a.MarketDayId == d.Id && a.Status == StallApplicationStatus.Approved),
                db.StallApplications.Count(a => a.MarketDayId == d.Id && (a.Status == StallApplicationStatus.Pending || a.Status == StallApplicationStatus.WaitListed))))
            .ToListAsync(ct);
        return new(space, series, days, form, errors, breaks);
    }

    private async Task<DayPage?> DayPageAsync(int id, MoveForm? move, IReadOnlyList<string> errors, int? problemApplication, CancellationToken ct)
    {
        var day = await db.MarketDays.AsNoTracking().Include(d => d.PublicSpace).ThenInclude(s => s.Municipality)
            .Where(d => OwnMunicipality == null || d.PublicSpace.MunicipalityId == OwnMunicipality)
            .SingleOrDefaultAsync(d => d.Id == id, ct);
        if (day is null)
        {
            return null;
        }
        var applications = await db.StallApplications.Where(a => a.MarketDayId == id)
            .Select(a => new ApplicationRow(a.Id, a.Shop.Name, a.Shop.Phone, a.Status, a.StallNumber, a.Reason, a.Fee, a.FeePaidAt, a.SeriesId != null))
            .ToListAsync(ct);
        List<int> free = [.. Core.MarketDays.WaitList.FreeStalls(day.PublicSpace, applications.Where(a => a.StallNumber is not null).Select(a => a.StallNumber!.Value))];
        move ??= new MoveForm
        {
            Date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Opens = day.Opens.ToString("HH:mm", CultureInfo.InvariantCulture),
            Closes = day.Closes.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
        return new(day, [.. applications.OrderBy(a => a.Status).ThenBy(a => a.StallNumber).ThenBy(a => a.Id)], free, move, errors, problemApplication);
    }
}
