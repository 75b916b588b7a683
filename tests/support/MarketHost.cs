using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Market.Core.Data;
using Market.Core.DemoData;
using Market.Web;
using Market.Web.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Market.Tests.Support;

/// <summary>The real app, started in-process on a loopback port with the demo data, against real Redis and a real database.</summary>
public sealed partial class MarketHost : IAsyncDisposable
{
    public const string Password = DemoCredentials.Password;

    private readonly string dataFolder;

    private MarketHost(WebApplication app, string dataFolder)
    {
        App = app;
        this.dataFolder = dataFolder;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        ManagementAddress = app.Services.GetRequiredService<ManagementServer>().Addresses[0];
    }

    public WebApplication App { get; }
    public Uri BaseAddress { get; }

    /// <summary>The operators' listener (/metrics, /health/ready), on its own free loopback port.</summary>
    public Uri ManagementAddress { get; }
    public IServiceProvider Services => App.Services;

    /// <param name="postgres">A PostgreSQL connection string, or null for a fresh SQLite file.</param>
    /// <param name="services">Extra registrations, for a test that must watch what the app does inside (a counting password hasher).</param>
    public static async Task<MarketHost> StartAsync(RedisServer redis, string? postgres = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var dataFolder = Directory.CreateTempSubdirectory("market-data-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Database:Provider"] = postgres is null ? nameof(DatabaseProvider.Sqlite) : nameof(DatabaseProvider.Postgres),
            ["Database:ConnectionString"] = postgres ?? $"Data Source={Path.Combine(dataFolder, "market.db")}",
            ["Blobs:Root"] = Path.Combine(dataFolder, "blobs"),
            ["Seed:DemoData"] = "true",
            ["Seed:DemoPhotos"] = "false",
            ["Fulfilment:Stream"] = "orders:" + Guid.NewGuid().ToString("N")[..8],
            ["Fulfilment:PollInterval"] = "00:00:00.100",
            ["Operations:ManagementUrls"] = "http://127.0.0.1:0",
            // Tests place many orders and sign in often from one loopback address; the rate-limit tests lower these.
            ["RateLimits:SignIn"] = "1000000",
            ["RateLimits:SignUp"] = "1000000",
            ["RateLimits:Checkout"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }
        var app = MarketWebApp.Build(new WebApplicationOptions
        {
            ApplicationName = typeof(MarketWebApp).Assembly.GetName().Name,
            ContentRootPath = WebProjectFolder(),
            EnvironmentName = "Production",
        }, builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        return new MarketHost(app, dataFolder);
    }

    public HttpClient CreateClient(CookieContainer? cookies = null, bool followRedirects = true) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = followRedirects, UseCookies = true })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>Signs in through the real sign-in form, anti-forgery token and all. The cookies also serve a SignalR client.</summary>
    public async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(string login)
    {
        var cookies = new CookieContainer();
        var client = CreateClient(cookies, followRedirects: false);
        var form = await client.GetStringAsync("/cuenta/ingresar");
        var response = await client.PostAsync("/cuenta/ingresar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = login,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/cuenta/ingresar/codigo", StringComparison.Ordinal) == true)
        {
            response = await SecondFactorAsync(client, DemoCredentials.MetroStaffAuthenticatorKey);
        }
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {login} failed: {response.StatusCode}.");
        }
        return (client, cookies);
    }

    /// <summary>The second step of a sign-in that asks for one: the authenticator app's current code for that key.</summary>
    public static async Task<HttpResponseMessage> SecondFactorAsync(HttpClient client, string authenticatorKey)
    {
        var form = await client.GetStringAsync("/cuenta/ingresar/codigo");
        return await client.PostAsync("/cuenta/ingresar/codigo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp(),
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No anti-forgery token in the page.");

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }

    /// <summary>Found from this source file, so a build output anywhere (even outside the repo) still finds the views.</summary>
    private static string WebProjectFolder([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Market.sln")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Market.sln not found above the test folder."), "src", "Market.Web");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
