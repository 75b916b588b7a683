using System.Net;
using Market.Core.Accounts;
using Market.Tests.Support;
using Market.Web.Accounts.Passwords;
using static Market.Tests.Integration.Accounts.AccountForms;

namespace Market.Tests.Integration.Accounts;

/// <summary>NIST SP 800-63B: length and a list of passwords attackers try first, no rules about kinds of characters.</summary>
public sealed class PasswordRulesTests(SqliteAccounts fixture) : IClassFixture<SqliteAccounts>
{
    [Theory]
    [InlineData("password12", PasswordRules.Common)]
    [InlineData("Password123!", PasswordRules.Common)]
    [InlineData("tequiero2026", PasswordRules.Common)]
    [InlineData("Contraseña2025", PasswordRules.Common)]
    [InlineData("¡¡elsalvador503!!", PasswordRules.Common)]
    [InlineData("1234567890", PasswordRules.Common)]
    [InlineData("qwertyuiop", PasswordRules.Common)]
    [InlineData("aaaaaaaaaaaa", PasswordRules.Repetitive)]
    [InlineData("abababababab", PasswordRules.Repetitive)]
    [InlineData("MiMercadoCercano99", PasswordRules.Personal)]
    public void Check_APasswordAttackersTryFirst_IsRefused(string password, string expected) =>
        PasswordRules.Check(password).ShouldBe(expected);

    [Theory]
    [InlineData("mi tienda abre a las siete")]
    [InlineData("pupusas de queso con loroco")]
    [InlineData("Mercado2026!")]
    [InlineData("x7#Kq!9zLm2w")]
    public void Check_ALongUnlikelyPassword_IsAccepted(string password) =>
        PasswordRules.Check(password).ShouldBeNull();

    [Fact]
    public void Check_APasswordMadeOfTheOwnPhoneOrEmail_IsRefused()
    {
        var user = new AppUser { DisplayName = "Rosa", PhoneNumber = "+50371234567", Email = "rosamejia@correo.sv" };

        PasswordRules.Check("mi numero 71234567", user).ShouldBe(PasswordRules.Personal);
        PasswordRules.Check("RosaMejia de Soyapango", user).ShouldBe(PasswordRules.Personal);
    }

    [Fact]
    public async Task SignUp_WithAWeakPassword_IsRefusedInSpanish_AndInEnglishForWhoeverChoseEnglish()
    {
        var spanish = Browser(fixture.Host, NewAddress());
        var english = Browser(fixture.Host, NewAddress());
        await english.GetAsync("/idioma?cultura=en&volver=/");

        var inSpanish = await SignUpAsync(spanish, "password1");
        var inEnglish = await SignUpAsync(english, "contraseña2026");

        inSpanish.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await inSpanish.Content.ReadAsStringAsync()).ShouldContain("La contraseña debe tener al menos 10 caracteres.");
        (await inEnglish.Content.ReadAsStringAsync()).ShouldContain("That password is one of the most used");
    }

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient browser, string password) =>
        PostAsync(browser, "/cuenta/registro", "/cuenta/registro", new()
        {
            ["Name"] = "Vecina Nueva",
            ["Phone"] = NewPhone(),
            ["Password"] = password,
        });
}
