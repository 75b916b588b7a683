using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Market.Tests.Support;

/// <summary>
/// Stripe on loopback for the calls the app makes: Checkout Sessions (create, retrieve, expire) and Refunds (create),
/// form-encoded in and Stripe-shaped JSON out, with idempotent replays; plus a hosted page standing in for Stripe's
/// payment page, whose pay and decline buttons send signed webhooks to the app as Stripe does.
/// </summary>
public sealed class StripeFake : IAsyncDisposable
{
    public const string SecretKey = "sk_test_fake51MercadoCercano";
    public const string WebhookSecret = "whsec_fakeMercadoCercano";

    private readonly HttpClient webhooks = new();
    private readonly Lock gate = new();
    private readonly Dictionary<string, JsonObject> sessions = [];
    private readonly Dictionary<string, JsonObject> intents = [];
    private readonly Dictionary<string, JsonObject> refunds = [];
    private readonly Dictionary<string, (string Request, int Status, string Body)> idempotent = [];
    private readonly List<(string Type, string Payload)> held = [];

    private WebApplication app = null!;

    private StripeFake()
    {
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where events are sent: the app's webhook endpoint, set once the app has its port.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>
    /// While true (or while there is no <see cref="WebhookUrl"/>), events wait in order until <see cref="ReleaseHeldAsync"/>,
    /// to deliver them late or out of order.
    /// </summary>
    public bool HoldWebhooks { get; set; }

    /// <summary>While true, refunds fail as during a Stripe outage (500 api_error).</summary>
    public bool RefundsDown { get; set; }

    /// <summary>While true, creating a Checkout Session fails as during a Stripe outage.</summary>
    public bool SessionsDown { get; set; }

    /// <summary>Every API request received, with its Idempotency-Key header (null if it had none).</summary>
    public List<(string Method, string Path, string? IdempotencyKey)> Requests { get; } = [];

    /// <summary>The settings that point the app's real Stripe.net client and webhook check at this fake.</summary>
    public Dictionary<string, string?> AppSettings => new()
    {
        ["Payments:SecretKey"] = SecretKey,
        ["Payments:WebhookSecret"] = WebhookSecret,
        ["Payments:ApiBase"] = BaseAddress.ToString().TrimEnd('/'),
        // The hosted page is served here too, and the checkout form's redirect to it must pass the CSP's form-action.
        ["Payments:CheckoutOrigin"] = BaseAddress.ToString(),
    };

    public static async Task<StripeFake> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var fake = new StripeFake { app = builder.Build() };
        fake.Map(fake.app);
        await fake.app.StartAsync();
        fake.BaseAddress = new Uri(fake.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    public IReadOnlyList<JsonObject> RefundsOf(string paymentIntentId)
    {
        lock (gate)
        {
            return [.. refunds.Values.Where(r => (string?)r["payment_intent"] == paymentIntentId).Select(r => r.DeepClone().AsObject())];
        }
    }

    public JsonObject Session(string id)
    {
        lock (gate)
        {
            return sessions[id].DeepClone().AsObject();
        }
    }

    /// <summary>What the hosted page's pay button does: the payment succeeds and checkout.session.completed is sent.</summary>
    public async Task<string> PayAsync(string sessionId)
    {
        JsonObject completed;
        lock (gate)
        {
            var session = sessions[sessionId];
            if ((string?)session["status"] != "open")
            {
                throw new InvalidOperationException($"Session {sessionId} is {session["status"]}, not open.");
            }
            var intent = Intent(session, "succeeded");
            intent["amount_received"] = session["amount_total"]!.GetValue<long>();
            session["status"] = "complete";
            session["payment_status"] = "paid";
            session["payment_intent"] = (string?)intent["id"];
            completed = session.DeepClone().AsObject();
        }
        await SendEventAsync("checkout.session.completed", completed);
        return (string)completed["success_url"]!;
    }

    /// <summary>What the decline button does: the card is refused and payment_intent.payment_failed is sent.</summary>
    public async Task<string> DeclineAsync(string sessionId, string declineCode = "insufficient_funds")
    {
        JsonObject failed;
        string cancelUrl;
        lock (gate)
        {
            var session = sessions[sessionId];
            var intent = Intent(session, "requires_payment_method");
            intent["last_payment_error"] = new JsonObject
            {
                ["type"] = "card_error",
                ["code"] = "card_declined",
                ["decline_code"] = declineCode,
                ["message"] = "Your card was declined.",
                ["doc_url"] = "https://stripe.com/docs/error-codes/card-declined",
            };
            failed = intent.DeepClone().AsObject();
            cancelUrl = (string)session["cancel_url"]!;
        }
        await SendEventAsync("payment_intent.payment_failed", failed);
        return cancelUrl;
    }

    /// <summary>Sends an event about an object as Stripe would, signed with the webhook secret; returns the app's answer.</summary>
    public async Task<HttpStatusCode> SendEventAsync(string type, JsonObject data)
    {
        var payload = EventPayload(type, data);
        lock (gate)
        {
            if (HoldWebhooks || WebhookUrl is null)
            {
                held.Add((type, payload));
                return HttpStatusCode.Accepted;
            }
        }
        return await DeliverAsync(payload, Signature(payload, WebhookSecret, DateTimeOffset.UtcNow));
    }

    public async Task ReleaseHeldAsync(bool reversed = false)
    {
        List<(string Type, string Payload)> events;
        lock (gate)
        {
            HoldWebhooks = false;
            events = [.. held];
            held.Clear();
        }
        if (reversed)
        {
            events.Reverse();
        }
        foreach (var (type, payload) in events)
        {
            await DeliverAsync(payload, Signature(payload, WebhookSecret, DateTimeOffset.UtcNow));
        }
    }

    /// <summary>Posts a payload with the given Stripe-Signature header, for replays and forgeries.</summary>
    public async Task<HttpStatusCode> DeliverAsync(string payload, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl ?? throw new InvalidOperationException("WebhookUrl is not set."))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        using var response = await webhooks.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Stripe's scheme: <c>t=timestamp,v1=hex(HMAC-SHA256(secret, "timestamp.payload"))</c>.</summary>
    public static string Signature(string payload, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    public static string EventPayload(string type, JsonObject data) => new JsonObject
    {
        ["id"] = NewId("evt"),
        ["object"] = "event",
        ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["data"] = new JsonObject { ["object"] = data.DeepClone() },
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
    }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        webhooks.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void Map(WebApplication web)
    {
        web.MapPost("/v1/checkout/sessions", (HttpContext c) => ApiAsync(c, form => CreateSession(form)));
        web.MapGet("/v1/checkout/sessions/{id}", (HttpContext c, string id) => ApiAsync(c, _ => Find(sessions, id, "checkout.session")));
        web.MapPost("/v1/checkout/sessions/{id}/expire", (HttpContext c, string id) => ApiAsync(c, _ => ExpireSession(id)));
        web.MapPost("/v1/refunds", (HttpContext c) => ApiAsync(c, form => CreateRefund(form)));
        web.MapGet("/checkout/{id}", (string id) => HostedPage(id));
        web.MapPost("/checkout/{id}/pay", async (string id) => Results.Redirect(await PayAsync(id)));
        web.MapPost("/checkout/{id}/decline", async (string id) => Results.Redirect(await DeclineAsync(id)));
    }

    private async Task ApiAsync(HttpContext context, Func<IFormCollection, (int Status, JsonObject Body)> handle)
    {
        var request = context.Request;
        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        lock (gate)
        {
            Requests.Add((request.Method, request.Path.Value!, key));
        }
        if (request.Headers.Authorization.FirstOrDefault() != "Bearer " + SecretKey)
        {
            await WriteAsync(context, 401, Error("invalid_request_error", null, "Invalid API Key provided."));
            return;
        }
        var form = request.HasFormContentType ? await request.ReadFormAsync() : FormCollection.Empty;
        var fingerprint = request.Method + " " + request.Path + "?" + string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        (int Status, string Body) answer;
        var replayed = false;
        lock (gate)
        {
            if (request.Method == "POST" && key is not null && idempotent.TryGetValue(key, out var earlier))
            {
                // Stripe answers a replay with the first response; the same key with other parameters is an error.
                answer = earlier.Request == fingerprint
                    ? (earlier.Status, earlier.Body)
                    : (400, Error("idempotency_error", null, $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}'.").ToJsonString());
                replayed = earlier.Request == fingerprint;
            }
            else
            {
                var (status, body) = handle(form);
                answer = (status, body.ToJsonString());
                if (request.Method == "POST" && key is not null)
                {
                    idempotent[key] = (fingerprint, answer.Status, answer.Body);
                }
            }
        }
        if (replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }
        if (key is not null)
        {
            context.Response.Headers["Idempotency-Key"] = key;
        }
        context.Response.Headers["Request-Id"] = NewId("req");
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body);
        if (answer.Status == 200 && !replayed && request.Path.Value!.EndsWith("/expire", StringComparison.Ordinal))
        {
            await SendEventAsync("checkout.session.expired", JsonNode.Parse(answer.Body)!.AsObject());
        }
    }

    private (int, JsonObject) CreateSession(IFormCollection form)
    {
        if (SessionsDown)
        {
            return (500, Error("api_error", null, "An unknown error occurred."));
        }
        if (form["mode"] != "payment" || !long.TryParse(form["line_items[0][price_data][unit_amount]"], out var unitAmount)
            || !long.TryParse(form["line_items[0][quantity]"], out var quantity) || string.IsNullOrEmpty(form["success_url"]))
        {
            return (400, Error("invalid_request_error", "parameter_missing", "Missing required param: line_items[0][price_data][unit_amount]."));
        }
        var id = NewId("cs_test");
        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["amount_subtotal"] = unitAmount * quantity,
            ["amount_total"] = unitAmount * quantity,
            ["cancel_url"] = (string?)form["cancel_url"],
            ["client_reference_id"] = (string?)form["client_reference_id"],
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["currency"] = (string?)form["line_items[0][price_data][currency]"],
            ["expires_at"] = long.TryParse(form["expires_at"], out var expires) ? expires : DateTimeOffset.UtcNow.AddHours(24).ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["metadata"] = Metadata(form, "metadata"),
            ["mode"] = "payment",
            ["payment_intent"] = null,
            ["payment_status"] = "unpaid",
            ["status"] = "open",
            ["success_url"] = ((string)form["success_url"]!).Replace("{CHECKOUT_SESSION_ID}", id, StringComparison.Ordinal),
            ["url"] = new Uri(BaseAddress, "/checkout/" + id).ToString(),
            ["payment_intent_metadata"] = Metadata(form, "payment_intent_data[metadata]"),
            ["product_name"] = (string?)form["line_items[0][price_data][product_data][name]"],
        };
        sessions[id] = session;
        return (200, Public(session));
    }

    private (int, JsonObject) ExpireSession(string id)
    {
        if (!sessions.TryGetValue(id, out var session))
        {
            return Missing(id);
        }
        if ((string?)session["status"] != "open")
        {
            return (400, Error("invalid_request_error", null, "Only Checkout Sessions with a status of `open` can be expired."));
        }
        session["status"] = "expired";
        session["url"] = null;
        return (200, Public(session));
    }

    private (int, JsonObject) CreateRefund(IFormCollection form)
    {
        if (RefundsDown)
        {
            return (500, Error("api_error", null, "An unknown error occurred."));
        }
        var intentId = (string?)form["payment_intent"];
        if (intentId is null || !intents.TryGetValue(intentId, out var intent))
        {
            return Missing(intentId ?? "");
        }
        var received = intent["amount_received"]?.GetValue<long>() ?? 0;
        var refunded = refunds.Values.Where(r => (string?)r["payment_intent"] == intentId).Sum(r => r["amount"]!.GetValue<long>());
        var amount = long.TryParse(form["amount"], out var asked) ? asked : received - refunded;
        if ((string?)intent["status"] != "succeeded" || refunded >= received)
        {
            return (400, Error("invalid_request_error", "charge_already_refunded", $"Charge {intent["latest_charge"]} has already been refunded."));
        }
        if (amount <= 0 || refunded + amount > received)
        {
            return (400, Error("invalid_request_error", "amount_too_large", "Refund amount is greater than unrefunded amount on charge."));
        }
        var refund = new JsonObject
        {
            ["id"] = NewId("re"),
            ["object"] = "refund",
            ["amount"] = amount,
            ["charge"] = (string?)intent["latest_charge"],
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["currency"] = (string?)intent["currency"],
            ["metadata"] = Metadata(form, "metadata"),
            ["payment_intent"] = intentId,
            ["reason"] = (string?)form["reason"],
            ["status"] = "succeeded",
        };
        refunds[(string)refund["id"]!] = refund;
        return (200, refund.DeepClone().AsObject());
    }

    private static (int, JsonObject) Find(Dictionary<string, JsonObject> objects, string id, string kind) =>
        objects.TryGetValue(id, out var found) ? (200, kind == "checkout.session" ? Public(found) : found.DeepClone().AsObject()) : Missing(id);

    private JsonObject Intent(JsonObject session, string status)
    {
        var id = (string?)session["payment_intent"] ?? NewId("pi");
        var intent = new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_intent",
            ["amount"] = session["amount_total"]!.GetValue<long>(),
            ["currency"] = (string?)session["currency"],
            ["latest_charge"] = NewId("ch"),
            ["metadata"] = session["payment_intent_metadata"]!.DeepClone(),
            ["status"] = status,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        intents[id] = intent;
        session["payment_intent"] = id;
        return intent;
    }

    private IResult HostedPage(string id)
    {
        JsonObject session;
        lock (gate)
        {
            if (!sessions.TryGetValue(id, out var found))
            {
                return Results.NotFound();
            }
            session = found.DeepClone().AsObject();
        }
        var amount = (session["amount_total"]!.GetValue<long>() / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        var open = (string?)session["status"] == "open";
        var name = WebUtility.HtmlEncode((string?)session["product_name"]);
        var body = open
            ? $"""
               <form method="post" action="/checkout/{id}/pay"><button type="submit">Pagar ${amount}</button></form>
               <form method="post" action="/checkout/{id}/decline"><button type="submit">Simular tarjeta rechazada</button></form>
               """
            : "<p role=\"alert\">Esta sesión de pago ya no está abierta.</p>";
        return Results.Content($"""
            <!doctype html><html lang="es"><head><meta charset="utf-8"><title>Pago con tarjeta (Stripe de prueba)</title></head>
            <body><h1>Pago con tarjeta</h1><p>{name}</p><p>Total: <strong>${amount}</strong></p>{body}</body></html>
            """, "text/html; charset=utf-8");
    }

    /// <summary>The session as the API shows it, without the fields the fake keeps for itself.</summary>
    private static JsonObject Public(JsonObject session)
    {
        var copy = session.DeepClone().AsObject();
        copy.Remove("payment_intent_metadata");
        copy.Remove("product_name");
        return copy;
    }

    private static JsonObject Metadata(IFormCollection form, string prefix)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in form.Where(f => f.Key.StartsWith(prefix + "[", StringComparison.Ordinal)))
        {
            var name = key[(prefix.Length + 1)..^1];
            if (!name.Contains('['))
            {
                metadata[name] = (string?)value;
            }
        }
        return metadata;
    }

    private static (int, JsonObject) Missing(string id) =>
        (404, Error("invalid_request_error", "resource_missing", $"No such object: '{id}'"));

    private static JsonObject Error(string type, string? code, string message) => new()
    {
        ["error"] = new JsonObject { ["type"] = type, ["code"] = code, ["message"] = message },
    };

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private static string NewId(string prefix) => prefix + "_" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 24);
}
