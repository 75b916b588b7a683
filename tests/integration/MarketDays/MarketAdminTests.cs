using System.Globalization;
using System.Net;
using Market.Core;
using Market.Core.MarketDays;
using Market.Tests.Integration.Onboarding;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Market.Tests.Integration.MarketDays.MarketSetup;

namespace Market.Tests.Integration.MarketDays;

/// <summary>Staff screens for spaces, series, market days and applications, and who may use them.</summary>
public abstract class MarketAdminTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : SpineFixture
{
    private MarketHost Host => fixture.Host;

    private static DateOnly Today => ElSalvadorTime.Today(TimeProvider.System);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Staff_RegisterAStreet_AndScheduleAWeeklySeries_ThatMakesItsMarketDays()
    {
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);
        var name = "Calle Delgado " + Guid.NewGuid().ToString("N")[..6];

        var created = await PostAsync(staff, "/admin/mercados/espacios/nuevo", Street(name, await MunicipalityIdAsync("SS")));

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var space = await Checkout.QueryAsync(Host, db => db.PublicSpaces.AsNoTracking().SingleAsync(s => s.Name == name));
        space.Kind.ShouldBe(PublicSpaceKind.Calle);
        space.MarketKind.ShouldBe(MarketKind.Linear);
        space.StreetUse.ShouldBe(StreetUse.FlexibleStreet);
        space.StreetOpens.ShouldBe(new TimeOnly(6, 0));
        var first = Today.AddDays(1);
        var last = first.AddDays(27);

        var series = await PostAsync(staff, $"/admin/mercados/espacios/{space.Id}/series", Weekly(first, last, "07:00", "13:00", DayOfWeek.Saturday));

        series.StatusCode.ShouldBe(HttpStatusCode.Redirect, await series.Content.ReadAsStringAsync());
        var days = await Checkout.QueryAsync(Host, db => db.MarketDays.AsNoTracking().Where(d => d.PublicSpaceId == space.Id).OrderBy(d => d.Date).ToListAsync());
        days.Count.ShouldBe(4);
        days.ShouldAllBe(d => d.Date.DayOfWeek == DayOfWeek.Saturday && d.Opens == new TimeOnly(7, 0) && d.SeriesId != null);
        days[0].StartsAt.ShouldBe(new DateTimeOffset(days[0].Date.ToDateTime(new TimeOnly(13, 0)), TimeSpan.Zero));
        var page = await staff.GetStringAsync($"/admin/mercados/espacios/{space.Id}");
        page.ShouldContain("Serie programada: 4 jornadas.");
        page.ShouldContain("FREQ=WEEKLY;BYDAY=SA");
        (await staff.GetStringAsync($"/admin/mercados/jornadas/{days[0].Id}")).ShouldContain("Programada");
        (await staff.GetStringAsync("/admin/mercados")).ShouldContain(name);
    }

    [Fact]
    public async Task SeriesBreakingTheRules_IsRefusedWithEachDateAndRule_AndNothingIsSaved()
    {
        var (space, _) = await SpaceWithDayAsync(Host, kind: PublicSpaceKind.Calle, daysAhead: 40);
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);
        var before = await Checkout.QueryAsync(Host, db => db.MarketDays.CountAsync(d => d.PublicSpaceId == space.Id));
        // Three days in a row, 05:00-12:00 on a street allowed from 06:00 to 16:00.
        var first = Today.AddDays(10);

        var response = await PostAsync(staff, $"/admin/mercados/espacios/{space.Id}/series", new Dictionary<string, string>
        {
            ["Pattern"] = nameof(SeriesPattern.Dates),
            ["Dates"] = $"{Iso(first)}, {Iso(first.AddDays(1))}, {Iso(first.AddDays(2))}",
            ["Opens"] = "05:00",
            ["Closes"] = "12:00",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("No se programó nada");
        body.Split("fuera del horario permitido de la calle (06:00–16:00)").Length.ShouldBe(4);
        body.ShouldContain("pasa de 2 días seguidos en este espacio");
        body.ShouldContain("value=\"05:00\"");
        (await Checkout.QueryAsync(Host, db => db.MarketDays.CountAsync(d => d.PublicSpaceId == space.Id))).ShouldBe(before);
        (await Checkout.QueryAsync(Host, db => db.MarketSeries.CountAsync(s => s.PublicSpaceId == space.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task MovingADayOntoAnother_IsRefused_ButMovingItToAFreeDateWorks_AndCancellingNeedsAReason()
    {
        var (space, day) = await SpaceWithDayAsync(Host, daysAhead: 20);
        var other = await Checkout.QueryAsync(Host, async db =>
        {
            var d = MarketDay.Schedule(space.Id, day.Date.AddDays(7), new TimeOnly(7, 0), new TimeOnly(13, 0));
            db.MarketDays.Add(d);
            await db.SaveChangesAsync();
            return d;
        });
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);

        var clash = await PostAsync(staff, $"/admin/mercados/jornadas/{day.Id}/mover", Move(other.Date, "Concierto en la plaza"));
        clash.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await clash.Content.ReadAsStringAsync()).ShouldContain("se cruza con otra jornada en este espacio");

        var moved = await PostAsync(staff, $"/admin/mercados/jornadas/{day.Id}/mover", Move(day.Date.AddDays(1), "Concierto en la plaza"));
        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await Checkout.QueryAsync(Host, db => db.MarketDays.AsNoTracking().SingleAsync(d => d.Id == day.Id));
        stored.Date.ShouldBe(day.Date.AddDays(1));
        stored.MovedFrom.ShouldBe(day.Date);
        stored.ChangeReason.ShouldBe("Concierto en la plaza");

        var noReason = await PostAsync(staff, $"/admin/mercados/jornadas/{day.Id}/cancelar", new Dictionary<string, string> { ["reason"] = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Escribe el motivo (lluvia, un evento público…).");
        (await Checkout.QueryAsync(Host, db => db.MarketDays.SingleAsync(d => d.Id == day.Id))).Status.ShouldBe(MarketDayStatus.Scheduled);

        var cancelled = await PostAsync(staff, $"/admin/mercados/jornadas/{day.Id}/cancelar", new Dictionary<string, string> { ["reason"] = "Lluvia fuerte" });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Checkout.QueryAsync(Host, db => db.MarketDays.SingleAsync(d => d.Id == day.Id))).Status.ShouldBe(MarketDayStatus.Cancelled);
    }

    [Fact]
    public async Task TwoStaffSchedulingOverlappingSeriesOnOneSpaceAtOnce_OnlyOneIsStored()
    {
        var (space, _) = await SpaceWithDayAsync(Host, daysAhead: 300);
        var (ss, _) = await Host.SignInAsync(SanSalvadorStaff);
        var (metro, _) = await Host.SignInAsync(MetroStaff);
        var first = Today.AddDays(1);

        var answers = await Task.WhenAll(
            PostAsync(ss, $"/admin/mercados/espacios/{space.Id}/series", Weekly(first, first.AddDays(55), "07:00", "13:00", DayOfWeek.Sunday)),
            PostAsync(metro, $"/admin/mercados/espacios/{space.Id}/series", Weekly(first, first.AddDays(55), "09:00", "11:00", DayOfWeek.Sunday)));

        answers.Count(IsRedirect).ShouldBe(1);
        var refused = answers.Single(a => !IsRedirect(a));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("se cruza con otra jornada en este espacio");
        (await Checkout.QueryAsync(Host, db => db.MarketSeries.CountAsync(s => s.PublicSpaceId == space.Id))).ShouldBe(1);
        (await Checkout.QueryAsync(Host, db => db.MarketDays.CountAsync(d => d.PublicSpaceId == space.Id && d.SeriesId != null))).ShouldBe(8);
    }

    [Fact]
    public async Task BadSpace_IsRefusedInSpanish_KeepsWhatWasTyped_AndStoresNothing()
    {
        var (staff, _) = await Host.SignInAsync(SanSalvadorStaff);
        var fields = Street("", await MunicipalityIdAsync("SS"));
        fields["Capacity"] = "muchos";
        fields["StreetOpens"] = "";
        fields["Address"] = "Avenida Cuscatlán";
        var spaces = await Checkout.QueryAsync(Host, db => db.PublicSpaces.CountAsync());

        var response = await PostAsync(staff, "/admin/mercados/espacios/nuevo", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("Escribe el nombre del espacio");
        body.ShouldContain("Escribe cuántos puestos caben: de 1 a 500.");
        body.ShouldContain("Una calle necesita el horario en que se puede usar");
        body.ShouldContain("value=\"Avenida Cuscatlán\"");
        body.ShouldContain("value=\"muchos\"");
        (await Checkout.QueryAsync(Host, db => db.PublicSpaces.CountAsync())).ShouldBe(spaces);
    }

    [Fact]
    public async Task StaffOfAnotherMunicipality_AreRefusedOnEveryEndpoint_AndNothingChanges()
    {
        var (space, day) = await SpaceWithDayAsync(Host, daysAhead: 12);
        var vendor = (await Host.SignInAsync(await VendorAsync(Host))).Client;
        await PostAsync(vendor, $"/mis-puestos/jornadas/{day.Id}/solicitar");
        var application = (await ApplicationsAsync(Host, day.Id)).Single();
        var (ss, _) = await Host.SignInAsync(SanSalvadorStaff);
        (await PostAsync(ss, $"/admin/mercados/solicitudes/{application.Id}/aprobar", new Dictionary<string, string> { ["stall"] = "2" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (soyapango, _) = await Host.SignInAsync(await TestAccounts.StaffAsync(Host, "SO"));
        var spacesBefore = await Checkout.QueryAsync(Host, db => db.PublicSpaces.CountAsync());
        var limitsBefore = await Checkout.QueryAsync(Host, db => db.MarketLimits.CountAsync());

        var forbidden = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"/admin/mercados/espacios/{space.Id}/editar", Street("Tomada", space.MunicipalityId)),
            ($"/admin/mercados/espacios/{space.Id}/series", Weekly(Today.AddDays(30), Today.AddDays(60), "07:00", "12:00", DayOfWeek.Sunday)),
            ($"/admin/mercados/jornadas/{day.Id}/cancelar", new() { ["reason"] = "no" }),
            ($"/admin/mercados/jornadas/{day.Id}/mover", Move(day.Date.AddDays(2), "no")),
            ($"/admin/mercados/solicitudes/{application.Id}/aprobar", new() { ["stall"] = "3" }),
            ($"/admin/mercados/solicitudes/{application.Id}/espera", []),
            ($"/admin/mercados/solicitudes/{application.Id}/rechazar", new() { ["reason"] = "no" }),
            ($"/admin/mercados/solicitudes/{application.Id}/pagado", []),
        };
        foreach (var (url, fields) in forbidden)
        {
            (await PostAsync(soyapango, url, fields)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }
        var foreignNew = await PostAsync(soyapango, "/admin/mercados/espacios/nuevo", Street("Calle ajena", space.MunicipalityId));
        var limits = await PostAsync(soyapango, $"/admin/mercados/limites/{space.MunicipalityId}",
            new Dictionary<string, string> { ["maxDaysPerMonth"] = "31", ["maxConsecutiveDays"] = "31", ["stallFee"] = "0" });

        foreignNew.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await foreignNew.Content.ReadAsStringAsync()).ShouldContain("Elige el municipio del espacio.");
        limits.Headers.Location!.ToString().ShouldContain("/cuenta/denegado");
        (await soyapango.GetAsync($"/admin/mercados/espacios/{space.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await soyapango.GetAsync($"/admin/mercados/jornadas/{day.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await soyapango.GetStringAsync("/admin/mercados")).ShouldNotContain(space.Name);

        var storedSpace = await Checkout.QueryAsync(Host, db => db.PublicSpaces.AsNoTracking().SingleAsync(s => s.Id == space.Id));
        storedSpace.Name.ShouldBe(space.Name);
        storedSpace.Kind.ShouldBe(PublicSpaceKind.Plaza);
        (await Checkout.QueryAsync(Host, db => db.PublicSpaces.CountAsync())).ShouldBe(spacesBefore);
        (await Checkout.QueryAsync(Host, db => db.MarketSeries.CountAsync(s => s.PublicSpaceId == space.Id))).ShouldBe(0);
        var storedDay = await Checkout.QueryAsync(Host, db => db.MarketDays.AsNoTracking().SingleAsync(d => d.Id == day.Id));
        storedDay.Status.ShouldBe(MarketDayStatus.Scheduled);
        storedDay.Date.ShouldBe(day.Date);
        var storedApplication = (await ApplicationsAsync(Host, day.Id)).Single();
        storedApplication.Status.ShouldBe(StallApplicationStatus.Approved);
        storedApplication.StallNumber.ShouldBe(2);
        storedApplication.FeePaidAt.ShouldBeNull();
        (await Checkout.QueryAsync(Host, db => db.MarketLimits.CountAsync())).ShouldBe(limitsBefore);
    }

    [Fact]
    public async Task ResidentsAndShopkeepers_CannotUseTheMarketStaffPages()
    {
        var (_, day) = await SpaceWithDayAsync(Host, daysAhead: 14);
        var (resident, _) = await Host.SignInAsync("vecina@demo.sv");
        var vendor = (await Host.SignInAsync(await VendorAsync(Host))).Client;

        foreach (var client in new[] { resident, vendor })
        {
            var response = await PostAsync(client, $"/admin/mercados/jornadas/{day.Id}/cancelar", new Dictionary<string, string> { ["reason"] = "no" });
            response.Headers.Location!.ToString().ShouldContain("/cuenta/denegado");
            (await client.GetAsync("/admin/mercados")).Headers.Location!.ToString().ShouldContain("/cuenta/denegado");
        }
        (await Checkout.QueryAsync(Host, db => db.MarketDays.SingleAsync(d => d.Id == day.Id))).Status.ShouldBe(MarketDayStatus.Scheduled);
    }

    [Fact]
    public async Task MetroStaff_LowerAMunicipalitysMonthLimit_AndTheNextSeriesObeysIt()
    {
        // Tonacatepeque has no demo markets, so one day a month is a limit its days already keep.
        var (space, _) = await SpaceWithDayAsync(Host, "TO", daysAhead: 60);
        var (metro, _) = await Host.SignInAsync(MetroStaff);

        var saved = await PostAsync(metro, $"/admin/mercados/limites/{space.MunicipalityId}",
            new Dictionary<string, string> { ["maxDaysPerMonth"] = "1", ["maxConsecutiveDays"] = "2", ["stallFee"] = "2.00" });
        var bad = await PostAsync(metro, $"/admin/mercados/limites/{space.MunicipalityId}",
            new Dictionary<string, string> { ["maxDaysPerMonth"] = "0", ["maxConsecutiveDays"] = "2", ["stallFee"] = "2.00" });
        var first = new DateOnly(Today.Year, Today.Month, 1).AddMonths(4);
        var series = await PostAsync(metro, $"/admin/mercados/espacios/{space.Id}/series", Weekly(first, first.AddDays(13), "07:00", "12:00", DayOfWeek.Sunday));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var badBody = await bad.Content.ReadAsStringAsync();
        badBody.ShouldContain("Los límites van de 1 a 31 días.");
        badBody.ShouldContain("value=\"0\"");
        var limits = await Checkout.QueryAsync(Host, db => db.MarketLimits.AsNoTracking().SingleAsync(l => l.MunicipalityId == space.MunicipalityId));
        limits.MaxDaysPerMonth.ShouldBe(1);
        limits.StallFee.Cents.ShouldBe(200);
        series.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await series.Content.ReadAsStringAsync()).ShouldContain("pasa de 1 jornadas en el mes en este espacio");
        await Checkout.QueryAsync(Host, db => db.MarketLimits.Where(l => l.MunicipalityId == space.MunicipalityId).ExecuteDeleteAsync());
    }

    private Task<int> MunicipalityIdAsync(string code) =>
        Checkout.QueryAsync(Host, db => db.Municipalities.Where(m => m.Code == code).Select(m => m.Id).SingleAsync());

    private static Dictionary<string, string> Street(string name, int municipalityId) => new()
    {
        ["MunicipalityId"] = municipalityId.ToString(CultureInfo.InvariantCulture),
        ["Name"] = name,
        ["Kind"] = nameof(PublicSpaceKind.Calle),
        ["Address"] = "Calle Delgado, entre 2a y 4a avenida",
        ["Latitude"] = "13.6985",
        ["Longitude"] = "-89.1905",
        ["Capacity"] = "24",
        ["StreetUse"] = nameof(StreetUse.FlexibleStreet),
        ["StreetOpens"] = "06:00",
        ["StreetCloses"] = "16:00",
    };

    private static Dictionary<string, string> Weekly(DateOnly first, DateOnly last, string opens, string closes, DayOfWeek day) => new()
    {
        ["Pattern"] = nameof(SeriesPattern.Weekly),
        ["Weekdays"] = day.ToString(),
        ["First"] = Iso(first),
        ["Last"] = Iso(last),
        ["Opens"] = opens,
        ["Closes"] = closes,
    };

    private static Dictionary<string, string> Move(DateOnly date, string reason) => new()
    {
        ["Date"] = Iso(date),
        ["Opens"] = "07:00",
        ["Closes"] = "13:00",
        ["Reason"] = reason,
    };
}

public sealed class SqliteMarketAdminTests(SqliteSpine fixture) : MarketAdminTests<SqliteSpine>(fixture);

public sealed class PostgresMarketAdminTests(PostgresSpine fixture) : MarketAdminTests<PostgresSpine>(fixture);
