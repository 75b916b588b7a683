using System.Net;
using Market.Core.Accounts;
using Market.Core.Data;
using Market.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Market.Tests.Integration.Accounts.AccountForms;

namespace Market.Tests.Integration.Accounts;

/// <summary>One account per e-mail and per phone, whatever the spelling, on both databases.</summary>
public abstract class IdentityTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AccountsFixture
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task SignUp_WithAnEmailAnotherAccountHas_InAnyCase_IsRefusedInSpanish_AndStoresNothing()
    {
        var email = await TestAccounts.CreateAsync(Host, $"duena.{Guid.NewGuid():N}@demo.sv", "Primera dueña", Roles.Resident);
        var phone = NewPhone();

        var response = await SignUpAsync(Browser(Host, NewAddress()), phone, "  " + email.ToUpperInvariant() + " ");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("Ya existe una cuenta con ese correo.");
        page.ShouldContain($"value=\"{phone}\"");
        (await CountAsync(db => db.Users.CountAsync(u => u.PhoneNumber == "+503" + phone))).ShouldBe(0);
        var firstOwner = await SignInAsync(Browser(Host, NewAddress()), email, MarketHost.Password);
        firstOwner.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignUp_WithAPhoneAnotherAccountHas_WrittenDifferently_IsRefused()
    {
        var phone = NewPhone();
        (await SignUpAsync(Browser(Host, NewAddress()), phone, null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var again = await SignUpAsync(Browser(Host, NewAddress()), $"(503) {phone[..4]}-{phone[4..]}", null);

        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await again.Content.ReadAsStringAsync()).ShouldContain("Ya existe una cuenta con ese teléfono.");
        (await CountAsync(db => db.Users.CountAsync(u => u.PhoneNumber == "+503" + phone))).ShouldBe(1);
    }

    [Fact]
    public async Task TwoSignUpsRacing_ForOnePhone_MakeOneAccount_AndNeitherAnswers5xx()
    {
        var phone = NewPhone();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SignUpAsync(Browser(Host, NewAddress()), phone, null)));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Redirect || a.StatusCode == HttpStatusCode.UnprocessableEntity);
        answers.Count(a => a.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        (await CountAsync(db => db.Users.CountAsync(u => u.PhoneNumber == "+503" + phone))).ShouldBe(1);
    }

    [Fact]
    public async Task TheDatabase_RefusesASecondAccountWithTheSameEmail_EvenPastTheForms()
    {
        var email = await TestAccounts.CreateAsync(Host, $"unica.{Guid.NewGuid():N}@demo.sv", "Única", Roles.Resident);

        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketDbContext>();
        db.Users.Add(new AppUser { UserName = "copia-" + email, NormalizedUserName = ("copia-" + email).ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Copia" });

        (await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync())).InnerException.ShouldNotBeNull();
    }

    private Task<T> CountAsync<T>(Func<MarketDbContext, Task<T>> query) => Checkout.QueryAsync(Host, query);

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient browser, string phone, string? email) =>
        PostAsync(browser, "/cuenta/registro", "/cuenta/registro", new()
        {
            ["Name"] = "Vecina Nueva",
            ["Phone"] = phone,
            ["Email"] = email ?? "",
            ["Password"] = MarketHost.Password,
        });
}

public sealed class SqliteIdentityTests(SqliteAccounts fixture) : IdentityTests<SqliteAccounts>(fixture);

public sealed class PostgresIdentityTests(PostgresAccounts fixture) : IdentityTests<PostgresAccounts>(fixture);
