using System.Globalization;
using System.Net;
using Market.Admin.MarketDays;
using Market.Core;
using Market.Core.MarketDays;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Market.Tests.Integration.MarketDays.MarketSetup;

namespace Market.Tests.Integration.MarketDays;

/// <summary>Staff edits of a space, a day or the limits re-check what is already scheduled and approved, as the staff member sees it.</summary>
public abstract class StaffEditRulesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : SpineFixture
{
    private MarketHost Host => fixture.Host;

    private static DateOnly Today => ElSalvadorTime.Today(TimeProvider.System);

    [Fact]
    public async Task EditSpace_ShrinkingBelowAnApprovedOrOfferedStall_IsRefusedWithTheDates_AndShrinkingAboveThemWorks()
    {
        var (space, first) = await SpaceWithDayAsync(Host, capacity: 20, daysAhead: 9);
        var second = await DayAsync(space.Id, first.Date.AddDays(7), "07:00", "13:00");
        var rained = await DayAsync(space.Id, first.Date.AddDays(14), "07:00", "13:00");
        var chepe = await VendorAsync(Host, shopName: "Frutas Don Chepe");
        var flores = await VendorAsync(Host, shopName: "Flores Marielos");
        await HoldStallAsync(first.Id, chepe, 12);
        await HoldStallAsync(second.Id, flores, 15, offered: true);
        await HoldStallAsync(rained.Id, chepe, 18);
        await CancelAsync(rained.Id);
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);
        var typed = Fields(space);
        typed["Name"] = space.Name + " renovada";
        typed["Capacity"] = "10";

        var refused = await PostAsync(staff, $"/admin/mercados/espacios/{space.Id}/editar", typed);

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("No se guardó ningún cambio: el espacio dejaría fuera puestos o jornadas ya programados.");
        page.ShouldContain($"{Shown(first.Date)}: puesto 12 (Frutas Don Chepe) no cabría: el espacio quedaría con 10 puestos");
        page.ShouldContain($"{Shown(second.Date)}: puesto 15 (Flores Marielos) no cabría: el espacio quedaría con 10 puestos");
        page.ShouldNotContain("puesto 18");
        page.ShouldContain("name=\"Capacity\" value=\"10\"");
        page.ShouldContain($"value=\"{space.Name} renovada\"");
        var stored = await SpaceAsync(space.Id);
        stored.Capacity.ShouldBe(20);
        stored.Name.ShouldBe(space.Name);

        typed["Capacity"] = "15";
        var saved = await PostAsync(staff, $"/admin/mercados/espacios/{space.Id}/editar", typed);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        stored = await SpaceAsync(space.Id);
        stored.Capacity.ShouldBe(15);
        stored.Name.ShouldBe(space.Name + " renovada");
        (await ApplicationsAsync(Host, first.Id)).Single().StallNumber.ShouldBe(12);
        var late = await Host.SignInAsync(await VendorAsync(Host));
        await PostAsync(late.Client, $"/mis-puestos/jornadas/{first.Id}/solicitar");
        var pending = (await ApplicationsAsync(Host, first.Id)).Single(a => a.Status == StallApplicationStatus.Pending);
        var beyond = await PostAsync(staff, $"/admin/mercados/solicitudes/{pending.Id}/aprobar", new Dictionary<string, string> { ["stall"] = "16" });
        beyond.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await beyond.Content.ReadAsStringAsync()).ShouldContain("El puesto 16 no existe: el espacio tiene puestos del 1 al 15.");
    }

    [Fact]
    public async Task EditSpace_NarrowingAStreetsHoursUnderScheduledDays_IsRefusedWithTheDates_AndAWideEnoughChangeWorks()
    {
        var (street, first) = await SpaceWithDayAsync(Host, kind: PublicSpaceKind.Calle, daysAhead: 11);
        var second = await DayAsync(street.Id, first.Date.AddDays(7), "09:00", "15:00");
        var rained = await DayAsync(street.Id, first.Date.AddDays(14), "07:00", "13:00");
        await CancelAsync(rained.Id);
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);
        var typed = Fields(street);
        typed["StreetOpens"] = "08:00";

        var refused = await PostAsync(staff, $"/admin/mercados/espacios/{street.Id}/editar", typed);

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain($"{Shown(first.Date)}: la jornada de 07:00 a 13:00 quedaría fuera del horario permitido de la calle (08:00–16:00)");
        page.ShouldNotContain(Shown(second.Date));
        page.ShouldNotContain(Shown(rained.Date));
        page.ShouldContain("name=\"StreetOpens\" value=\"08:00\"");
        (await SpaceAsync(street.Id)).StreetOpens.ShouldBe(new TimeOnly(6, 0));

        typed["StreetOpens"] = "07:00";
        typed["StreetCloses"] = "15:00";
        var saved = await PostAsync(staff, $"/admin/mercados/espacios/{street.Id}/editar", typed);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var stored = await SpaceAsync(street.Id);
        stored.StreetOpens.ShouldBe(new TimeOnly(7, 0));
        stored.StreetCloses.ShouldBe(new TimeOnly(15, 0));
    }

    [Fact]
    public async Task EditSpace_TurningAPlazaWithAnEveningMarketIntoAStreet_IsRefusedWithThatDate()
    {
        var (plaza, morning) = await SpaceWithDayAsync(Host, daysAhead: 13);
        var evening = await DayAsync(plaza.Id, morning.Date.AddDays(7), "17:00", "21:00");
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);
        var typed = Fields(plaza);
        typed["Kind"] = nameof(PublicSpaceKind.Calle);
        typed["StreetUse"] = nameof(StreetUse.SharedStreet);
        typed["StreetOpens"] = "06:00";
        typed["StreetCloses"] = "16:00";

        var refused = await PostAsync(staff, $"/admin/mercados/espacios/{plaza.Id}/editar", typed);

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain($"{Shown(evening.Date)}: la jornada de 17:00 a 21:00 quedaría fuera del horario permitido de la calle (06:00–16:00)");
        page.ShouldNotContain(Shown(morning.Date) + ":");
        var stored = await SpaceAsync(plaza.Id);
        stored.Kind.ShouldBe(PublicSpaceKind.Plaza);
        stored.StreetOpens.ShouldBeNull();
    }

    [Fact]
    public async Task MoveDay_OnAStreetOutsideItsHours_IsRefused_AndAMoveInsideThemKeepsTheApprovedStall()
    {
        var (_, day) = await SpaceWithDayAsync(Host, kind: PublicSpaceKind.Calle, daysAhead: 15);
        var vendor = await VendorAsync(Host, shopName: "Frutas Don Chepe");
        await HoldStallAsync(day.Id, vendor, 4);
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);
        var next = day.Date.AddDays(1);

        var refused = await PostAsync(staff, $"/admin/mercados/jornadas/{day.Id}/mover", Move(next, "05:00", "12:00"));

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain($"{Shown(next)}: fuera del horario permitido de la calle (06:00–16:00)");
        (await Checkout.QueryAsync(Host, db => db.MarketDays.AsNoTracking().SingleAsync(d => d.Id == day.Id))).Date.ShouldBe(day.Date);

        var moved = await PostAsync(staff, $"/admin/mercados/jornadas/{day.Id}/mover", Move(next, "08:00", "14:00"));

        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await Checkout.QueryAsync(Host, db => db.MarketDays.AsNoTracking().SingleAsync(d => d.Id == day.Id));
        stored.Date.ShouldBe(next);
        stored.Opens.ShouldBe(new TimeOnly(8, 0));
        var stall = (await ApplicationsAsync(Host, day.Id)).Single();
        stall.Status.ShouldBe(StallApplicationStatus.Approved);
        stall.StallNumber.ShouldBe(4);
    }

    [Fact]
    public async Task ChangeLimits_LoweredBelowWhatIsScheduled_IsRefusedWithEachSpaceAndDate_AndANewFeeSaysApprovedStallsKeepTheirs()
    {
        // Nejapa has no demo markets: these are its only days. Next month: the 2nd, 9th, 16th and 17th.
        var nextMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(1);
        var (space, second) = await SpaceWithDayAsync(Host, "NE", daysAhead: nextMonth.AddDays(1).DayNumber - Today.DayNumber);
        await DayAsync(space.Id, nextMonth.AddDays(8), "07:00", "13:00");
        await DayAsync(space.Id, nextMonth.AddDays(15), "07:00", "13:00");
        var seventeenth = await DayAsync(space.Id, nextMonth.AddDays(16), "07:00", "13:00");
        var approved = await VendorAsync(Host, "NE", "Frutas Don Chepe");
        await HoldStallAsync(second.Id, approved, 1, fee: new Money(100));
        var (metro, _) = await Host.SignInAsync(MetroStaff);

        var refused = await PostAsync(metro, $"/admin/mercados/limites/{space.MunicipalityId}", Limits("3", "1", "1.00"));

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("No se guardaron las reglas: estas jornadas ya programadas pasarían los nuevos límites.");
        page.ShouldContain($"{space.Name} · {Shown(seventeenth.Date)}: pasa de 1 días seguidos en este espacio");
        page.ShouldContain($"{space.Name} · {Shown(seventeenth.Date)}: pasa de 3 jornadas en el mes en este espacio");
        page.ShouldContain("name=\"maxDaysPerMonth\" value=\"3\"");
        (await Checkout.QueryAsync(Host, db => db.MarketLimits.AnyAsync(l => l.MunicipalityId == space.MunicipalityId))).ShouldBeFalse();

        var saved = await PostAsync(metro, $"/admin/mercados/limites/{space.MunicipalityId}", Limits("4", "2", "2.50"));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        (await metro.GetStringAsync("/admin/mercados")).ShouldContain(
            "Reglas guardadas. La nueva cuota de $2.50 se cobra a los puestos que se aprueben desde ahora; los puestos ya aprobados u ofrecidos conservan la cuota que tenían.");
        var limits = await Checkout.QueryAsync(Host, db => db.MarketLimits.AsNoTracking().SingleAsync(l => l.MunicipalityId == space.MunicipalityId));
        (limits.MaxDaysPerMonth, limits.MaxConsecutiveDays, limits.StallFee.Cents).ShouldBe((4, 2, 250));
        var late = await Host.SignInAsync(await VendorAsync(Host, "NE"));
        await PostAsync(late.Client, $"/mis-puestos/jornadas/{second.Id}/solicitar");
        var pending = (await ApplicationsAsync(Host, second.Id)).Single(a => a.Status == StallApplicationStatus.Pending);
        (await PostAsync(metro, $"/admin/mercados/solicitudes/{pending.Id}/aprobar")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stalls = await ApplicationsAsync(Host, second.Id);
        stalls.Select(a => (a.StallNumber, a.Fee.Cents)).ShouldBe([(1, 100), (2, 250)]);
    }

    [Fact]
    public async Task ShrinkingASpaceWhileAStallBeyondItIsApproved_OneWins_AndNoStallIsLeftOutsideTheSpace()
    {
        var (space, day) = await SpaceWithDayAsync(Host, capacity: 10, daysAhead: 5);
        var vendor = await Host.SignInAsync(await VendorAsync(Host));
        await PostAsync(vendor.Client, $"/mis-puestos/jornadas/{day.Id}/solicitar");
        var application = (await ApplicationsAsync(Host, day.Id)).Single();
        var (ss, _) = await Host.SignInAsync(SanSalvadorStaff);
        var (metro, _) = await Host.SignInAsync(MetroStaff);
        var smaller = Fields(space);
        smaller["Capacity"] = "5";

        var answers = await Task.WhenAll(
            PostAsync(ss, $"/admin/mercados/solicitudes/{application.Id}/aprobar", new Dictionary<string, string> { ["stall"] = "8" }),
            PostAsync(metro, $"/admin/mercados/espacios/{space.Id}/editar", smaller));

        answers.Count(IsRedirect).ShouldBe(1);
        answers.Single(a => !IsRedirect(a)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var capacity = (await SpaceAsync(space.Id)).Capacity;
        var stall = (await ApplicationsAsync(Host, day.Id)).Single().StallNumber;
        (stall is null || stall <= capacity).ShouldBeTrue($"stall {stall} on a space of {capacity}");
    }

    /// <summary>A date as the Spanish staff pages show it ("sáb 9 ene 2027").</summary>
    private static string Shown(DateOnly date)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("es-SV");
        try
        {
            return StaffDates.Day(date);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private Task<PublicSpace> SpaceAsync(int id) => Checkout.QueryAsync(Host, db => db.PublicSpaces.AsNoTracking().SingleAsync(s => s.Id == id));

    private Task<MarketDay> DayAsync(int spaceId, DateOnly date, string opens, string closes) => Checkout.QueryAsync(Host, async db =>
    {
        var day = MarketDay.Schedule(spaceId, date, TimeOnly.Parse(opens, CultureInfo.InvariantCulture), TimeOnly.Parse(closes, CultureInfo.InvariantCulture));
        db.MarketDays.Add(day);
        await db.SaveChangesAsync();
        return day;
    });

    private Task<int> CancelAsync(int dayId) => Checkout.QueryAsync(Host, async db =>
    {
        (await db.MarketDays.SingleAsync(d => d.Id == dayId)).Cancel("Lluvia fuerte");
        return await db.SaveChangesAsync();
    });

    /// <summary>The vendor holds the stall on the day: approved, or offered from the wait-list; straight in the database.</summary>
    private Task<int> HoldStallAsync(int dayId, string vendorEmail, int stall, bool offered = false, Money fee = default) => Checkout.QueryAsync(Host, async db =>
    {
        var shop = await db.Shops.SingleAsync(s => db.Users.Any(u => u.Id == s.OwnerId && u.Email == vendorEmail));
        var day = await db.MarketDays.Include(d => d.PublicSpace).SingleAsync(d => d.Id == dayId);
        var application = StallApplication.Apply(day, shop, null, DateTimeOffset.UtcNow);
        if (offered)
        {
            application.WaitList(DateTimeOffset.UtcNow);
            application.Offer(stall, fee);
        }
        else
        {
            application.Approve(stall, day.PublicSpace, fee);
        }
        db.StallApplications.Add(application);
        return await db.SaveChangesAsync();
    });

    /// <summary>The edit form as it comes filled in for the space.</summary>
    private static Dictionary<string, string> Fields(PublicSpace space)
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = space.Name,
            ["Kind"] = space.Kind.ToString(),
            ["Address"] = space.Address,
            ["Latitude"] = space.Latitude.ToString(CultureInfo.InvariantCulture),
            ["Longitude"] = space.Longitude.ToString(CultureInfo.InvariantCulture),
            ["Capacity"] = space.Capacity.ToString(CultureInfo.InvariantCulture),
        };
        if (space.Kind == PublicSpaceKind.Calle)
        {
            fields["StreetUse"] = space.StreetUse!.Value.ToString();
            fields["StreetOpens"] = space.StreetOpens!.Value.ToString("HH:mm", CultureInfo.InvariantCulture);
            fields["StreetCloses"] = space.StreetCloses!.Value.ToString("HH:mm", CultureInfo.InvariantCulture);
        }
        return fields;
    }

    private static Dictionary<string, string> Move(DateOnly date, string opens, string closes) => new()
    {
        ["Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Opens"] = opens,
        ["Closes"] = closes,
        ["Reason"] = "Desfile en la calle",
    };

    private static Dictionary<string, string> Limits(string daysPerMonth, string consecutive, string fee) => new()
    {
        ["maxDaysPerMonth"] = daysPerMonth,
        ["maxConsecutiveDays"] = consecutive,
        ["stallFee"] = fee,
    };
}

public sealed class SqliteStaffEditRulesTests(SqliteSpine fixture) : StaffEditRulesTests<SqliteSpine>(fixture);

public sealed class PostgresStaffEditRulesTests(PostgresSpine fixture) : StaffEditRulesTests<PostgresSpine>(fixture);
