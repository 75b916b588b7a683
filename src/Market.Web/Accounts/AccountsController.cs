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

public sealed class AccountsController(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<Ui> text) : Controller
{
    [HttpGet("/cuenta/ingresar")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("/cuenta/ingresar")]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        var user = await FindAsync(form.Login);
        if (user is not null)
        {
            var result = await signIn.PasswordSignInAsync(user, form.Password ?? "", form.Remember, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : await HomeFor(user));
            }
            if (result.IsLockedOut)
            {
                return LoginFailed(form, "Account.LockedOut");
            }
        }
        return LoginFailed(form, "Account.BadLogin");
    }

    [HttpPost("/cuenta/salir")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("/cuenta/registro")]
    public IActionResult Register() => View(new RegisterForm());

    [HttpPost("/cuenta/registro")]
    [EnableRateLimiting(RateLimitPolicies.SignUp)]
    public async Task<IActionResult> Register(RegisterForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            ModelState.AddModelError(nameof(form.Name), text["Account.NameRequired"]);
        }
        if (!PhoneNumber.TryNormalize(form.Phone, out var phone))
        {
            ModelState.AddModelError(nameof(form.Phone), text["Checkout.PhoneInvalid"]);
        }
        else if (await users.Users.AnyAsync(u => u.UserName == phone || u.PhoneNumber == phone))
        {
            ModelState.AddModelError(nameof(form.Phone), text["Account.PhoneTaken"]);
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var user = new AppUser { UserName = phone, PhoneNumber = phone, DisplayName = form.Name!.Trim(), Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim() };
        var created = await users.CreateAsync(user, form.Password ?? "");
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(nameof(form.Password), text["Identity." + error.Code].ResourceNotFound ? error.Description : text["Identity." + error.Code]);
            }
            return View(form);
        }
        await users.AddToRoleAsync(user, Roles.Resident);
        await signIn.SignInAsync(user, isPersistent: true);
        return LocalRedirect("/");
    }

    [HttpGet("/cuenta/codigo")]
    public IActionResult SetupCode() => View(new SetupCodeForm());

    [HttpPost("/cuenta/codigo")]
    [EnableRateLimiting(RateLimitPolicies.SignUp)]
    public async Task<IActionResult> SetupCode(SetupCodeForm form, [FromServices] UseSetupCodeHandler useCode)
    {
        var result = await useCode.HandleAsync(new UseSetupCode(form.Phone, form.Code, form.Password));
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

    private async Task<AppUser?> FindAsync(string? login)
    {
        if (string.IsNullOrWhiteSpace(login))
        {
            return null;
        }
        return PhoneNumber.TryNormalize(login, out var phone)
            ? await users.FindByNameAsync(phone)
            : await users.FindByEmailAsync(login.Trim()) ?? await users.FindByNameAsync(login.Trim());
    }

    private async Task<string> HomeFor(AppUser user) =>
        await users.IsInRoleAsync(user, Roles.Shopkeeper) ? "/tienda/pedidos" : "/";

    private ViewResult LoginFailed(LoginForm form, string key)
    {
        ModelState.AddModelError("", text[key]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form with { Password = null });
    }
}

public sealed record LoginForm
{
    public string? Login { get; init; }
    public string? Password { get; init; }
    public bool Remember { get; init; }
    public string? ReturnUrl { get; init; }
}

public sealed record SetupCodeForm
{
    public string? Phone { get; init; }
    public string? Code { get; init; }
    public string? Password { get; init; }
}

public sealed class RegisterForm
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
}
