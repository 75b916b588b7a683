using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Pages;

public sealed class SignInPage(IPage page)
{
    /// <summary>Signs in through the form; a shopkeeper lands on the shop's orders inbox.</summary>
    public async Task<InboxPage> SignInAsShopkeeperAsync(string login, string password)
    {
        await page.GotoAsync("/cuenta/ingresar");
        await page.GetByLabel("Teléfono o correo electrónico").FillAsync(login);
        await page.GetByLabel("Contraseña").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pedidos de mi tienda", Level = 1 })).ToBeVisibleAsync();
        return new InboxPage(page);
    }

    /// <summary>
    /// Signs in through the form and waits to leave it, wherever the account lands; an account with an authenticator app
    /// (<paramref name="authenticatorKey"/>) then types the app's current code.
    /// </summary>
    public async Task SignInAsync(string login, string password, string? authenticatorKey = null)
    {
        await page.GotoAsync("/cuenta/ingresar");
        await page.GetByLabel("Teléfono o correo electrónico").FillAsync(login);
        await page.GetByLabel("Contraseña").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync();
        if (authenticatorKey is not null)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Código de verificación", Level = 1 })).ToBeVisibleAsync();
            await page.GetByLabel("Código", new() { Exact = true }).FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp());
            await page.GetByRole(AriaRole.Button, new() { Name = "Verificar e ingresar" }).ClickAsync();
        }
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cuenta/ingresar"));
    }
}
