using System.Net;
using Market.Core.Accounts;
using Market.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.Integration.Accounts;

/// <summary>
/// The app behind a trusted proxy (so each test can speak from its own client address), with sign-in waits long enough
/// that a test sees them, and a password hasher that counts how often it is asked.
/// </summary>
public abstract class AccountsFixture(ITestDatabase database) : IAsyncLifetime
{
    public const int FreeAttempts = 3;

    public RedisServer Redis { get; private set; } = null!;
    public MarketHost Host { get; private set; } = null!;
    public CountingHasher Hasher { get; } = new();

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartNewAsync();
        Host = await MarketHost.StartAsync(Redis, await database.StartAsync(), new Dictionary<string, string?>
        {
            ["FORWARDEDHEADERS_ENABLED"] = "true",
            ["SignInThrottle:FreeAttempts"] = FreeAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignInThrottle:FirstDelay"] = "01:00:00",
            ["SignInThrottle:LongestDelay"] = "02:00:00",
        }, services => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Redis.DisposeAsync();
        await database.DisposeAsync();
    }
}

public sealed class SqliteAccounts() : AccountsFixture(new SqliteDatabase());

public sealed class PostgresAccounts() : AccountsFixture(new PostgresDatabase());

/// <summary>Identity's hasher, counting the passwords it checks.</summary>
public sealed class CountingHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> inner = new();
    private int verifications;

    public int Verifications => Volatile.Read(ref verifications);

    public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The account forms as a browser posts them, from a client address of the test's choosing.</summary>
public static class AccountForms
{
    public static HttpClient Browser(MarketHost host, string address, CookieContainer? cookies = null)
    {
        var client = host.CreateClient(cookies ?? new CookieContainer(), followRedirects: false);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string login, string password) =>
        PostAsync(browser, "/cuenta/ingresar", "/cuenta/ingresar", new() { ["Login"] = login, ["Password"] = password });

    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string formPage, string action, Dictionary<string, string> fields)
    {
        var form = await browser.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = MarketHost.AntiforgeryToken(form);
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static string NewPhone() => "7" + Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A client address of the benchmarking range, never routed: only a header here.</summary>
    public static string NewAddress() => $"198.18.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";
}
