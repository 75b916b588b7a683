using System.Net;
using Market.Core.Accounts;
using Market.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Market.Tests.Integration.Accounts.AccountForms;

namespace Market.Tests.Integration.Accounts;

/// <summary>Metropolitan staff see and clear sign-in waits, require a second factor of a municipal account and end its sessions.</summary>
public sealed class StaffSecurityTests(SqliteAccounts fixture) : IClassFixture<SqliteAccounts>
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task MetroStaff_SeeAWaitCausedByFailedSignIns_AndClearingItLetsThatAddressTryAgain()
    {
        var email = await TestAccounts.CreateAsync(Host, $"olvidadiza.{Guid.NewGuid():N}@demo.sv", "Vecina olvidadiza", Roles.Resident);
        var address = NewAddress();
        for (var i = 0; i < AccountsFixture.FreeAttempts; i++)
        {
            await SignInAsync(Browser(Host, address), email, "no me acuerdo " + i);
        }
        var (metro, _) = await Host.SignInAsync("amss@demo.sv");

        var page = await metro.GetStringAsync("/admin/seguridad");
        var cleared = await PostAsync(metro, "/admin/seguridad", "/admin/seguridad/esperas/quitar",
            new() { ["login"] = email.ToUpperInvariant(), ["address"] = address });

        page.ShouldContain(email.ToUpperInvariant());
        page.ShouldContain(address);
        page.ShouldContain($"{AccountsFixture.FreeAttempts} intentos fallidos");
        cleared.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await metro.GetStringAsync("/admin/seguridad")).ShouldNotContain(address);
        (await SignInAsync(Browser(Host, address), email, MarketHost.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Checkout.QueryAsync(Host, db => db.AuditEntries.AnyAsync(e => e.Action == "signin-throttle.clear" && e.Subject == "login:" + email.ToUpperInvariant()))).ShouldBeTrue();
    }

    [Fact]
    public async Task RequiringASecondFactor_OfAMunicipalAccount_SignsItOut_AndSendsItToEnrol()
    {
        var login = await TestAccounts.StaffAsync(Host, "SO");
        var (staff, _) = await Host.SignInAsync(login);
        (await staff.GetAsync("/admin/mercados")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = await Checkout.QueryAsync(Host, db => db.Users.Where(u => u.Email == login).Select(u => u.Id).SingleAsync());
        var (metro, _) = await Host.SignInAsync("amss@demo.sv");

        var required = await PostAsync(metro, "/admin/seguridad", $"/admin/seguridad/personal/{id}/segundo-factor", new() { ["required"] = "true" });

        required.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.GetAsync("/admin/mercados")).Headers.Location!.AbsolutePath.ShouldBe("/cuenta/ingresar");
        var (again, _) = await Host.SignInAsync(login);
        (await again.GetAsync("/admin/mercados")).Headers.Location!.OriginalString.ShouldBe("/cuenta/seguridad/autenticador");
        (await again.GetStringAsync("/cuenta/seguridad/autenticador")).ShouldContain("antes de seguir, activa la verificación en dos pasos");
    }

    [Fact]
    public async Task EndingAStaffAccountsSessions_SignsItOutEverywhere_ButAResidentsIdIsUnknownThere()
    {
        var login = await TestAccounts.StaffAsync(Host, "SS");
        var (staff, _) = await Host.SignInAsync(login);
        var id = await Checkout.QueryAsync(Host, db => db.Users.Where(u => u.Email == login).Select(u => u.Id).SingleAsync());
        var resident = await Checkout.QueryAsync(Host, db => db.Users.Where(u => u.Email == "vecina@demo.sv").Select(u => u.Id).SingleAsync());
        var (metro, _) = await Host.SignInAsync("amss@demo.sv");

        var ended = await PostAsync(metro, "/admin/seguridad", $"/admin/seguridad/personal/{id}/cerrar-sesiones", []);
        var notStaff = await PostAsync(metro, "/admin/seguridad", $"/admin/seguridad/personal/{resident}/cerrar-sesiones", []);

        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        notStaff.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
