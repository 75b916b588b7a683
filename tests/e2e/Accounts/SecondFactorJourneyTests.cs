using Market.Core.Accounts;
using Market.Tests.E2e.Pages;
using Market.Tests.Support;
using Microsoft.Playwright;
using OtpNet;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Accounts;

/// <summary>A new metropolitan staff member is sent to enrol an authenticator app, and from then on signs in with its code.</summary>
public sealed class SecondFactorJourneyTests(MarketBrowser market, ITestOutputHelper output) : IClassFixture<MarketBrowser>
{
    [Fact]
    public async Task Metropolitan_staff_enrol_an_authenticator_app_keep_their_recovery_codes_and_sign_in_with_the_apps_code()
    {
        var shots = new Screenshots(output, nameof(Metropolitan_staff_enrol_an_authenticator_app_keep_their_recovery_codes_and_sign_in_with_the_apps_code));
        var email = await TestAccounts.CreateAsync(market.Host, $"amss.{Guid.NewGuid():N}@demo.sv", "Personal AMSS nuevo", Roles.MetroStaff);
        await using var phone = await market.NewPhoneAsync();
        var page = await phone.NewPageAsync();

        await new SignInPage(page).SignInAsync(email, MarketHost.Password);
        await page.GotoAsync("/admin/mercados");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Activar la verificación en dos pasos", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("antes de seguir, activa la verificación en dos pasos");
        await Expect(page.Locator("figure svg")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "enrol");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Código", new() { Exact = true }).FillAsync(Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Activar" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tus códigos de recuperación", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("recovery-codes").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);
        await shots.TakeAsync(page, "recovery-codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ya los guardé" }).ClickAsync();
        await Expect(page.GetByTestId("second-factor-status")).ToContainTextAsync("Te quedan 10 códigos de recuperación.");
        await page.GotoAsync("/admin/mercados");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mercados en espacio público", Level = 1 })).ToBeVisibleAsync();

        await new HeaderMenu(page).SignOutAsync();
        await page.GotoAsync("/cuenta/ingresar");
        await page.GetByLabel("Teléfono o correo electrónico").FillAsync(email);
        await page.GetByLabel("Contraseña").FillAsync(MarketHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Código de verificación", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Código", new() { Exact = true }).FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verificar e ingresar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ese código no coincide.");
        await shots.TakeAsync(page, "wrong-code");
        await page.GetByLabel("Código", new() { Exact = true }).FillAsync(Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verificar e ingresar" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cuenta/ingresar"));
        await page.GotoAsync("/admin/mercados");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mercados en espacio público", Level = 1 })).ToBeVisibleAsync();
    }

    private static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
}
