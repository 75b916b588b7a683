using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using Market.Orders.LiveUpdates;
using Market.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.Integration.Authorization;

/// <summary>
/// The authorization matrix, checked against the app itself: every mutating endpoint and hub method has a row; everyone the
/// row does not allow is refused and changes nothing, with other shops' and municipalities' ids; and what the allowed actor
/// sends is accepted, so each refusal means something.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    private static readonly string[] Mutating = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    [Fact]
    public void EveryMutatingEndpoint_AndHubMethod_HasARow()
    {
        var endpoints = world.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.TrimStart('/').StartsWith("hubs/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Intersect(Mutating)
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet(StringComparer.Ordinal);
        var hubMethods = typeof(OrdersHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.DeclaringType == typeof(OrdersHub) && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)))
            .Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var rows = AuthorizationMatrix.Rows.Select(r => r.Endpoint).ToList();

        endpoints.Except(rows).Order(StringComparer.Ordinal).ShouldBeEmpty("endpoints without a row in AuthorizationMatrix");
        rows.Except(endpoints).ShouldBeEmpty("rows for endpoints the app no longer has");
        rows.Count.ShouldBe(rows.Distinct().Count());
        hubMethods.Order(StringComparer.Ordinal).ShouldBe(AuthorizationMatrix.HubMethods.Keys.Order(StringComparer.Ordinal), "hub methods and their rows");
    }

    /// <summary>
    /// First every refusal, on resources as they were set up; then what the allowed actor sends, which must change what is
    /// stored: a refusal of a call that would have changed nothing anyway would prove nothing.
    /// </summary>
    [Fact]
    public async Task EveryRow_RefusesWhoeverItDoesNotAllow_EvenWithAnotherShopsOrMunicipalitysIds_AndNothingChanges_WhileTheAllowedActorsCallChangesIt()
    {
        var failures = new List<string>();
        var before = await DatabaseFingerprint.TakeAsync(world.Database);
        foreach (var row in AuthorizationMatrix.Rows.Where(r => r.Call is not null))
        {
            foreach (var actor in row.RefusedActors)
            {
                var response = await SendAsync(actor, (row.Refused ?? row.Call!)(world));
                var after = await DatabaseFingerprint.TakeAsync(world.Database);
                if (DatabaseFingerprint.Changed(before, after) is { Count: > 0 } changed)
                {
                    failures.Add($"{row.Endpoint} as {actor}: changed {string.Join(", ", changed)} ({(int)response.StatusCode})");
                    before = after;
                }
                else if (!IsRefusal(response))
                {
                    failures.Add($"{row.Endpoint} as {actor}: answered {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        foreach (var row in AuthorizationMatrix.Rows.Where(r => r.Call is not null && r.Changes))
        {
            before = await DatabaseFingerprint.TakeAsync(world.Database);
            var response = await SendAsync(row.Allowed, row.Call!(world));
            var changed = await ChangedWithinAsync(before, TimeSpan.FromSeconds(5));
            if (changed.Count == 0 || IsRefusal(response))
            {
                failures.Add($"{row.Endpoint} as {row.Allowed}, allowed: answered {(int)response.StatusCode} {response.Headers.Location}, changed [{string.Join(", ", changed)}]");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task HubMethods_RefuseWhoeverTheirRowDoesNotAllow()
    {
        foreach (var actor in Enum.GetValues<Actor>().Where(a => a != Actor.AccountOwner))
        {
            await using var live = await LiveClient.ConnectAsync(world.Host, world.Cookies(actor));
            await Should.ThrowAsync<HubException>(() => live.FollowOrderAsync(AuthorizationMatrix.MadeUpCode));
            if (actor != Actor.Shopkeeper && actor != Actor.OtherShopkeeper)
            {
                await Should.ThrowAsync<HubException>(() => live.FollowShopAsync());
            }
        }
        await using var chepe = await LiveClient.ConnectAsync(world.Host, world.Cookies(Actor.OtherShopkeeper));
        (await chepe.FollowShopAsync()).ShouldNotContain(u => u.Code == world.InboxOrder || u.Code == world.ApiOrder);
    }

    /// <summary>What changed since <paramref name="before"/>, asking again for a while: an import is applied in the background.</summary>
    private async Task<IReadOnlyList<string>> ChangedWithinAsync(IReadOnlyDictionary<string, string> before, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var changed = DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(world.Database));
            if (changed.Count > 0 || DateTime.UtcNow > deadline)
            {
                return changed;
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Refused: a status that says so, or the way to sign in or the page that says access is denied.</summary>
    private static bool IsRefusal(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Redirect => response.Headers.Location?.IsAbsoluteUri == true
            && response.Headers.Location.AbsolutePath is "/cuenta/ingresar" or "/cuenta/denegado",
        HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict => true,
        _ => false,
    };

    private async Task<HttpResponseMessage> SendAsync(Actor actor, MatrixCall call)
    {
        var browser = world.Browser(actor);
        if (call.Json is not null || call.Raw is not null)
        {
            using var body = new StringContent(call.Json ?? call.Raw!, System.Text.Encoding.UTF8, "application/json");
            if (call.Raw is not null)
            {
                body.Headers.Add("Stripe-Signature", "t=1,v1=00");
            }
            return await browser.PostAsync(call.Path, body);
        }
        var token = MarketHost.AntiforgeryToken(await browser.GetStringAsync(actor == Actor.Anonymous ? "/cuenta/ingresar" : "/cuenta/seguridad"));
        var fields = new Dictionary<string, string>(call.Form ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
        if (call.File is not { } file)
        {
            return await browser.PostAsync(call.Path, new FormUrlEncodedContent(fields));
        }
        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            multipart.Add(new StringContent(value), name);
        }
        multipart.Add(new ByteArrayContent(file.Bytes) { Headers = { ContentType = new MediaTypeHeaderValue(file.Type) } }, file.Field, file.Field + (file.Type == "text/csv" ? ".csv" : ".jpg"));
        return await browser.PostAsync(call.Path, multipart);
    }
}
