using System.Net;
using Market.Core.MarketDays;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Market.Tests.Integration.MarketDays.MarketSetup;

namespace Market.Tests.Integration.MarketDays;

/// <summary>Stall applications and approvals under concurrency; the database, not the code that checks first, keeps the stalls right.</summary>
public abstract class StallTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : SpineFixture
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task ManyVendorsApplyingAndTwoStaffApprovingAtOnce_NeverExceedCapacityNorDoubleBook()
    {
        var (_, day) = await SpaceWithDayAsync(Host, capacity: 4);
        var vendors = new List<HttpClient>();
        for (var i = 0; i < 10; i++)
        {
            vendors.Add((await Host.SignInAsync(await VendorAsync(Host))).Client);
        }

        // Every vendor applies at once, and the first one taps twice.
        var applied = await Task.WhenAll(vendors.Prepend(vendors[0]).Select(v => PostAsync(v, $"/mis-puestos/jornadas/{day.Id}/solicitar")));

        applied.Count(IsRedirect).ShouldBeGreaterThanOrEqualTo(10);
        var applications = await ApplicationsAsync(Host, day.Id);
        applications.Count.ShouldBe(10);
        applications.Select(a => a.ShopId).Distinct().Count().ShouldBe(10);

        var (ss, _) = await Host.SignInAsync(SanSalvadorStaff);
        var (metro, _) = await Host.SignInAsync(MetroStaff);
        var approvals = await Task.WhenAll(applications.Select((a, i) => PostAsync(i % 2 == 0 ? ss : metro, $"/admin/mercados/solicitudes/{a.Id}/aprobar")));

        approvals.Count(IsRedirect).ShouldBe(4);
        var refused = approvals.Where(r => !IsRedirect(r)).ToList();
        refused.ShouldAllBe(r => r.StatusCode == HttpStatusCode.UnprocessableEntity);
        (await refused[0].Content.ReadAsStringAsync()).ShouldContain("Los 4 puestos ya están asignados");
        var stored = await ApplicationsAsync(Host, day.Id);
        stored.Where(a => a.Status == StallApplicationStatus.Approved).Select(a => a.StallNumber).Order().ShouldBe([1, 2, 3, 4]);
        stored.Count(a => a.Status == StallApplicationStatus.Pending).ShouldBe(6);
        stored.Where(a => a.Status == StallApplicationStatus.Pending).ShouldAllBe(a => a.StallNumber == null);
    }

    [Fact]
    public async Task TwoStaffGivingTheSameStallAtOnce_OneWins_AndTheOtherIsToldItIsTaken()
    {
        var (_, day) = await SpaceWithDayAsync(Host, capacity: 5);
        var first = (await Host.SignInAsync(await VendorAsync(Host))).Client;
        var second = (await Host.SignInAsync(await VendorAsync(Host))).Client;
        await PostAsync(first, $"/mis-puestos/jornadas/{day.Id}/solicitar");
        await PostAsync(second, $"/mis-puestos/jornadas/{day.Id}/solicitar");
        var applications = await ApplicationsAsync(Host, day.Id);
        var (ss, _) = await Host.SignInAsync(SanSalvadorStaff);
        var (metro, _) = await Host.SignInAsync(MetroStaff);

        var answers = await Task.WhenAll(
            PostAsync(ss, $"/admin/mercados/solicitudes/{applications[0].Id}/aprobar", new Dictionary<string, string> { ["stall"] = "3" }),
            PostAsync(metro, $"/admin/mercados/solicitudes/{applications[1].Id}/aprobar", new Dictionary<string, string> { ["stall"] = "3" }));

        answers.Count(IsRedirect).ShouldBe(1);
        var loser = answers.Single(a => !IsRedirect(a));
        loser.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await loser.Content.ReadAsStringAsync()).ShouldContain("Ese puesto ya está asignado a otro vendedor");
        var stored = await ApplicationsAsync(Host, day.Id);
        stored.Count(a => a.StallNumber == 3).ShouldBe(1);
        stored.Count(a => a.Status == StallApplicationStatus.Pending && a.StallNumber == null).ShouldBe(1);
    }

    [Fact]
    public async Task AStallBeyondCapacity_IsRefused_AndNothingChanges()
    {
        var (_, day) = await SpaceWithDayAsync(Host, capacity: 5);
        var vendor = (await Host.SignInAsync(await VendorAsync(Host))).Client;
        await PostAsync(vendor, $"/mis-puestos/jornadas/{day.Id}/solicitar");
        var application = (await ApplicationsAsync(Host, day.Id)).Single();
        var (ss, _) = await Host.SignInAsync(SanSalvadorStaff);

        var (soyapango, _) = await Host.SignInAsync(await TestAccounts.StaffAsync(Host, "SO"));
        (await ss.GetStringAsync("/admin/mercados")).ShouldContain($"href=\"/admin/mercados/jornadas/{day.Id}\"");
        (await soyapango.GetStringAsync("/admin/mercados")).ShouldNotContain($"href=\"/admin/mercados/jornadas/{day.Id}\"");

        var response = await PostAsync(ss, $"/admin/mercados/solicitudes/{application.Id}/aprobar", new Dictionary<string, string> { ["stall"] = "6" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("El puesto 6 no existe: el espacio tiene puestos del 1 al 5.");
        var stored = (await ApplicationsAsync(Host, day.Id)).Single();
        stored.Status.ShouldBe(StallApplicationStatus.Pending);
        stored.StallNumber.ShouldBeNull();
    }

    [Fact]
    public async Task FreedStall_IsOfferedToTheFirstWaitListedVendor_WhoSeesTheFeeAndTakesIt()
    {
        var (space, day) = await SpaceWithDayAsync(Host, capacity: 1);
        var holder = (await Host.SignInAsync(await VendorAsync(Host))).Client;
        var second = (await Host.SignInAsync(await VendorAsync(Host))).Client;
        var third = (await Host.SignInAsync(await VendorAsync(Host))).Client;
        foreach (var vendor in new[] { holder, second, third })
        {
            (await PostAsync(vendor, $"/mis-puestos/jornadas/{day.Id}/solicitar")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var (ss, _) = await Host.SignInAsync(SanSalvadorStaff);
        var (metro, _) = await Host.SignInAsync(MetroStaff);
        (await PostAsync(metro, $"/admin/mercados/limites/{space.MunicipalityId}",
            new Dictionary<string, string> { ["maxDaysPerMonth"] = "8", ["maxConsecutiveDays"] = "2", ["stallFee"] = "1.75" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var applications = await ApplicationsAsync(Host, day.Id);
        (await PostAsync(ss, $"/admin/mercados/solicitudes/{applications[0].Id}/aprobar")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The third vendor is wait-listed before the second: the wait-list, not the application, sets the order.
        (await PostAsync(ss, $"/admin/mercados/solicitudes/{applications[2].Id}/espera")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(ss, $"/admin/mercados/solicitudes/{applications[1].Id}/espera")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var withdrawn = await PostAsync(holder, $"/mis-puestos/{applications[0].Id}/retirar");

        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await ApplicationsAsync(Host, day.Id);
        stored[0].Status.ShouldBe(StallApplicationStatus.Withdrawn);
        stored[2].Status.ShouldBe(StallApplicationStatus.Offered);
        stored[2].StallNumber.ShouldBe(1);
        stored[1].Status.ShouldBe(StallApplicationStatus.WaitListed);
        var page = await third.GetStringAsync("/mis-puestos");
        page.ShouldContain("Te ofrecen un puesto");
        page.ShouldContain("Aceptar el puesto (cuota $1.75)");

        (await PostAsync(third, $"/mis-puestos/{applications[2].Id}/aceptar")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var taken = (await ApplicationsAsync(Host, day.Id))[2];
        taken.Status.ShouldBe(StallApplicationStatus.Approved);
        taken.Fee.Cents.ShouldBe(175);
        (await third.GetStringAsync("/mis-puestos")).ShouldContain("por pagar a la alcaldía");

        (await PostAsync(ss, $"/admin/mercados/solicitudes/{applications[2].Id}/pagado")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ApplicationsAsync(Host, day.Id))[2].FeePaidAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task ApplyingForASeries_AppliesForEachUpcomingDay_AndACancelledDayCannotBeApproved()
    {
        var (space, day) = await SpaceWithDayAsync(Host, capacity: 3, daysAhead: 2);
        var seriesId = await Checkout.QueryAsync(Host, async db =>
        {
            var series = MarketSeries.Create(space, SeriesSchedule.OnDates([day.Date.AddDays(7), day.Date.AddDays(14), day.Date.AddDays(21)],
                new TimeOnly(7, 0), new TimeOnly(13, 0)), DateTimeOffset.UtcNow);
            db.MarketSeries.Add(series);
            await db.SaveChangesAsync();
            return series.Id;
        });
        var seriesDays = await Checkout.QueryAsync(Host, db => db.MarketDays.Where(d => d.SeriesId == seriesId).OrderBy(d => d.Date).Select(d => d.Id).ToListAsync());
        var vendor = (await Host.SignInAsync(await VendorAsync(Host))).Client;
        var (ss, _) = await Host.SignInAsync(SanSalvadorStaff);
        (await PostAsync(ss, $"/admin/mercados/jornadas/{seriesDays[1]}/cancelar", new Dictionary<string, string> { ["reason"] = "Feria patronal" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var applied = await PostAsync(vendor, $"/mis-puestos/series/{seriesId}/solicitar");
        var again = await PostAsync(vendor, $"/mis-puestos/series/{seriesId}/solicitar");

        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await again.Content.ReadAsStringAsync()).ShouldContain("Ya solicitaste puesto para esa jornada.");
        var applications = await Checkout.QueryAsync(Host, db => db.StallApplications.AsNoTracking().Where(a => a.SeriesId == seriesId).ToListAsync());
        applications.Select(a => a.MarketDayId).Order().ShouldBe([seriesDays[0], seriesDays[2]]);
        applications.ShouldAllBe(a => a.Status == StallApplicationStatus.Pending);

        await Checkout.QueryAsync(Host, async db =>
        {
            var d = await db.MarketDays.SingleAsync(x => x.Id == seriesDays[2]);
            d.Cancel("Lluvia");
            return await db.SaveChangesAsync();
        });
        var onCancelled = applications.Single(a => a.MarketDayId == seriesDays[2]);
        var refused = await PostAsync(ss, $"/admin/mercados/solicitudes/{onCancelled.Id}/aprobar");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Esa jornada ya no recibe solicitudes.");
        (await ApplicationsAsync(Host, seriesDays[2])).Single().StallNumber.ShouldBeNull();
    }

    [Fact]
    public async Task AVendorCannotWithdrawOrTakeAnotherVendorsApplication()
    {
        var (_, day) = await SpaceWithDayAsync(Host, capacity: 2);
        var owner = (await Host.SignInAsync(await VendorAsync(Host))).Client;
        var other = (await Host.SignInAsync(await VendorAsync(Host))).Client;
        await PostAsync(owner, $"/mis-puestos/jornadas/{day.Id}/solicitar");
        var application = (await ApplicationsAsync(Host, day.Id)).Single();

        var withdraw = await PostAsync(other, $"/mis-puestos/{application.Id}/retirar");
        var accept = await PostAsync(other, $"/mis-puestos/{application.Id}/aceptar");

        var (store, _) = await Host.SignInAsync("tere@demo.sv");
        var fromAStore = await PostAsync(store, $"/mis-puestos/jornadas/{day.Id}/solicitar");

        withdraw.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        accept.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        fromAStore.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await fromAStore.Content.ReadAsStringAsync()).ShouldContain("Solo un vendedor de mercado activo puede solicitar puesto.");
        (await ApplicationsAsync(Host, day.Id)).Single().Status.ShouldBe(StallApplicationStatus.Pending);
    }
}

public sealed class SqliteStallTests(SqliteSpine fixture) : StallTests<SqliteSpine>(fixture);

public sealed class PostgresStallTests(PostgresSpine fixture) : StallTests<PostgresSpine>(fixture);
