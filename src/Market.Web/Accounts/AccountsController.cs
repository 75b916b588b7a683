using Market.Core;
using Market.Core.Accounts;
using Market.Web.Operations;
using Market.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Market.Web.Accounts;

[BeforeSecondFactor]
public sealed class AccountsController(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInThrottle throttle, IStringLocalizer<Ui> text) : Controller
{
    // Verified when the account is unknown, so an unknown account costs the same time as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(null!, "not a password of anyone"));

    [HttpGet("/cuenta/ingresar")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = ReturnAddress.Local(returnUrl) });

    /// <summary>
    /// Unknown account, wrong password and "wait before trying again" get one answer, in about the same time, so the
    /// form tells nobody which accounts exist.
    /// </summary>
    [HttpPost("/cuenta/ingresar")]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        var login = LoginName.Of(form.Login);
        var address = ClientAddress;
        var user = login is null ? null : await FindAsync(login);
        var waiting = login is not null && await throttle.MustWaitAsync(login, address);
        if (user is null || waiting)
        {
            users.PasswordHasher.VerifyHashedPassword(null!, DummyHash.Value, form.Password ?? "");
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, form.Password ?? "", form.Remember, lockoutOnFailure: false);
            if (result.Succeeded)
            {
                await throttle.ClearAsync(login!, address);
                return LocalRedirect(ReturnAddress.Local(form.ReturnUrl) ?? await HomeFor(user));
            }
            if (result.RequiresTwoFactor)
            {
                return LocalRedirect(SecondFactorPath(ReturnAddress.Local(form.ReturnUrl), form.Remember));
            }
        }
        // Only real tries count: asking again during a wait does not make the wait longer.
        if (login is not null && !waiting)
        {
            await throttle.FailedAsync(login, address);
        }
        ModelState.AddModelError("", text["Account.BadLogin"]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form with { Password = null });
    }

    [HttpGet("/cuenta/ingresar/codigo")]
    public async Task<IActionResult> SecondFactor(string? returnUrl, bool remember) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? LocalRedirect("/cuenta/ingresar")
            : View(new SecondFactorForm { ReturnUrl = ReturnAddress.Local(returnUrl), Remember = remember });

    /// <summary>The six digits of the authenticator app, or one of the recovery codes; throttled like the password.</summary>
    [HttpPost("/cuenta/ingresar/codigo")]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> SecondFactor(SecondFactorForm form)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return LocalRedirect("/cuenta/ingresar");
        }
        var key = "2fa:" + user.Id;
        var code = string.Concat((form.Code ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (await throttle.MustWaitAsync(key, ClientAddress))
        {
            ModelState.AddModelError("", text["SecondFactor.Wait"]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View(form with { Code = null });
        }
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, form.Remember, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await throttle.ClearAsync(key, ClientAddress);
            return LocalRedirect(ReturnAddress.Local(form.ReturnUrl) ?? await HomeFor(user));
        }
        await throttle.FailedAsync(key, ClientAddress);
        ModelState.AddModelError("", text["SecondFactor.Wrong"]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form with { Code = null });
    }

    [HttpPost("/cuenta/salir")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("/cuenta/registro")]
    public IActionResult Register(string? returnUrl) => View(new RegisterForm { ReturnUrl = ReturnAddress.Local(returnUrl) });

    [HttpPost("/cuenta/registro")]
    [EnableRateLimiting(RateLimitPolicies.SignUp)]
    public async Task<IActionResult> Register(RegisterForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Name) || form.Name.Trim().Length > 120)
        {
            ModelState.AddModelError(nameof(form.Name), text["Account.NameRequired"]);
        }
        // Phone sign-up must say a phone is taken (ADR 0009): the sign-up rate limit keeps that from being a lookup service.
        if (!PhoneNumber.TryNormalize(form.Phone, out var phone))
        {
            ModelState.AddModelError(nameof(form.Phone), text["Checkout.PhoneInvalid"]);
        }
        var email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim();
        if (email is { Length: > LoginName.MaxLength } || email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(form.Email), text["Identity.InvalidEmail"]);
        }
        if (!ModelState.IsValid)
        {
            return View(form with { Password = null });
        }
        var user = new AppUser { UserName = phone, PhoneNumber = phone, DisplayName = form.Name!.Trim(), Email = email };
        var created = await users.CreateAsync(user, form.Password ?? "");
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = error.Code switch
                {
                    nameof(IdentityErrorDescriber.DuplicateEmail) => nameof(form.Email),
                    UniqueIdentities.DuplicatePhone or nameof(IdentityErrorDescriber.DuplicateUserName) => nameof(form.Phone),
                    _ => nameof(form.Password),
                };
                ModelState.AddModelError(field, error.Description);
            }
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(form with { Password = null });
        }
        await users.AddToRoleAsync(user, Roles.Resident);
        await signIn.SignInAsync(user, isPersistent: true);
        return LocalRedirect(ReturnAddress.Local(form.ReturnUrl) ?? "/");
    }

    [HttpGet("/cuenta/codigo")]
    public IActionResult SetupCode() => View(new SetupCodeForm());

    [HttpPost("/cuenta/codigo")]
    [EnableRateLimiting(RateLimitPolicies.SignUp)]
    public async Task<IActionResult> SetupCode(SetupCodeForm form, [FromServices] UseSetupCodeHandler useCode)
    {
        var result = await useCode.HandleAsync(new UseSetupCode(form.Phone, form.Code, form.Password, ClientAddress));
        if (result.User is null)
        {
            foreach (var key in result.Errors)
            {
                ModelState.AddModelError("", text[key]);
            }
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form with { Password = null });
        }
        await signIn.SignInAsync(result.User, isPersistent: true);
        TempData["Flash"] = "SetupCode.Done";
        return LocalRedirect("/mi-tienda");
    }

    [HttpGet("/cuenta/denegado")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private string? ClientAddress => HttpContext.Connection.RemoteIpAddress?.ToString();

    /// <summary>A phone finds the account that has it, whether it signs in by phone or e-mail; anything else is an e-mail.</summary>
    private async Task<AppUser?> FindAsync(string login) => login.StartsWith('+')
        ? await users.Users.FirstOrDefaultAsync(u => u.PhoneNumber == login)
        : await users.FindByEmailAsync(login) ?? await users.FindByNameAsync(login);

    private static string SecondFactorPath(string? returnUrl, bool remember) =>
        "/cuenta/ingresar/codigo?remember=" + (remember ? "true" : "false") + (returnUrl is null ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl));

    private async Task<string> HomeFor(AppUser user) => ReturnAddress.HomeFor(await users.GetRolesAsync(user));
}

public sealed record LoginForm
{
    public string? Login { get; init; }
    public string? Password { get; init; }
    public bool Remember { get; init; }
    public string? ReturnUrl { get; init; }
}

public sealed record SecondFactorForm
{
    public string? Code { get; init; }
    public bool Remember { get; init; }
    public string? ReturnUrl { get; init; }
}

public sealed record SetupCodeForm
{
    public string? Phone { get; init; }
    public string? Code { get; init; }
    public string? Password { get; init; }
}

public sealed record RegisterForm
{
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? ReturnUrl { get; init; }
}
