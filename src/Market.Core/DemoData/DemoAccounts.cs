using Market.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Market.Core.DemoData;

/// <summary>Demo roles and sign-ins: every account has the same password so that a demo needs one line of instructions.</summary>
internal sealed class DemoAccounts(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IUserStore<AppUser> store)
{
    public const string Password = DemoCredentials.Password;

    private const string StaffMunicipalityCode = "SS";

    private static readonly string[] FirstNames =
        ["Ana", "Carlos", "Rosa", "José", "Marta", "Luis", "Carmen", "Jorge", "Sonia", "Mario", "Gloria", "Óscar"];

    private static readonly string[] Surnames =
        ["López", "Martínez", "Rivas", "Hernández", "Flores", "Alvarado", "Ramírez", "Mejía", "Portillo", "Cruz", "Quintanilla", "Guevara"];

    private string? passwordHash;

    /// <summary>The owner of a demo shop; its id is set before it is saved, so shops can point to it first.</summary>
    public static AppUser Shopkeeper(ShopRow shop) => shop.Name switch
    {
        "Tienda Doña Tere" => NewUser("tere@demo.sv", "Teresa Martínez"),
        "Frutas y Verduras Don Chepe" => NewUser("chepe@demo.sv", "José Ramírez"),
        _ => NewUser($"tienda{shop.Number}@demo.sv", PersonName(shop.Name)),
    };

    /// <summary>Creates the roles, the resident and staff accounts and the given shopkeepers; the catalog must be saved already.</summary>
    public async Task<int> CreateAllAsync(DemoCatalog catalog, IReadOnlyList<AppUser> shopkeepers)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        var resident = NewUser("vecina@demo.sv", "María Hernández");
        resident.PhoneNumber = "+50370001234";
        var municipalStaff = NewUser("alcaldia.ss@demo.sv", "Alcaldía de San Salvador");
        municipalStaff.MunicipalityId = catalog.MunicipalitiesByCode[StaffMunicipalityCode].Id;
        var metroStaff = NewUser("amss@demo.sv", "Área Metropolitana de San Salvador");

        await CreateAsync(resident, Roles.Resident);
        await CreateAsync(municipalStaff, Roles.MunicipalStaff);
        await CreateAsync(metroStaff, Roles.MetroStaff);
        await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(metroStaff, DemoCredentials.MetroStaffAuthenticatorKey, CancellationToken.None);
        Ensure(await users.SetTwoFactorEnabledAsync(metroStaff, true), $"account {metroStaff.Email}");
        foreach (var shopkeeper in shopkeepers)
        {
            await CreateAsync(shopkeeper, Roles.Shopkeeper);
        }
        return 3 + shopkeepers.Count;
    }

    /// <summary>
    /// Hashing a password costs about 0.1 s by design, so it is hashed once, for the first account
    /// (which also checks it against the password rules), and that hash is reused: start-up stays fast.
    /// </summary>
    private async Task CreateAsync(AppUser user, string role)
    {
        IdentityResult created;
        if (passwordHash is null)
        {
            created = await users.CreateAsync(user, Password);
            passwordHash = user.PasswordHash;
        }
        else
        {
            user.PasswordHash = passwordHash;
            created = await users.CreateAsync(user);
        }
        Ensure(created, $"account {user.Email}");
        Ensure(await users.AddToRoleAsync(user, role), $"account {user.Email}");
    }

    private static AppUser NewUser(string email, string displayName) =>
        new() { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };

    private static string PersonName(string key) =>
        $"{StableHash.Pick(key + "|first name", FirstNames)} {StableHash.Pick(key + "|surname", Surnames)}";

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create demo {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
