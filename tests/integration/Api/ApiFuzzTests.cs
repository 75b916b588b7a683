using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Market.Core.Catalog;
using Market.Core.Ordering;
using Market.Tests.Support;
using Market.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.Api;

/// <summary>
/// A few thousand generated requests, from one fixed seed, at every API endpoint and Stripe's webhook: random JSON, and
/// valid bodies with fields removed, wrong types, nulls, duplicates, huge or negative numbers, deep nesting, long
/// strings, truncated or invalid UTF-8, under the wrong content type. None may answer 5xx, every error must be problem
/// details, and the database may hold only what the successful answers reported.
/// </summary>
public sealed class ApiFuzzTests : IAsyncLifetime
{
    private const int Seed = 20261202;
    private const int Requests = 3000;
    private const string WebhookSecret = "whsec_fuzz";
    private const string Tere = "tere@demo.sv";
    /// <summary>
    /// Under the API's 64 KB: past it Kestrel answers 413 and closes the connection while the client may still be
    /// sending, which the client sees as a reset rather than an answer (ApiProblemTests checks that 413).
    /// </summary>
    private const int MaxBody = 60_000;
    private static readonly string[] Steps = ["Accept", "StartPreparing", "SendOut", "MarkReady", "Deliver", "HandOver", "Reject", "Cancel"];
    private static readonly string[] ContentTypes =
        ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/json; charset=utf-16"];

    private RedisServer redis = null!;
    private MarketHost host = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartNewAsync();
        // Card payments on, so that the webhook checks signatures and parses what is signed; nothing here calls Stripe.
        host = await MarketHost.StartAsync(redis, settings: new Dictionary<string, string?>
        {
            ["Payments:SecretKey"] = "sk_test_fuzz",
            ["Payments:WebhookSecret"] = WebhookSecret,
            ["Payments:ApiBase"] = $"http://127.0.0.1:{FreePort.Next()}",
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task GeneratedBodies_AtEveryEndpoint_NeverGetA5xx_ErrorsAreProblemDetails_AndOnlyReportedChangesAreStored()
    {
        var stocked = await Checkout.StockedProductOfAsync(host, Tere, stock: 100_000);
        var products = await Checkout.QueryAsync(host, db => db.Products.Where(p => p.ShopId == stocked.ShopId).Select(p => p.Id).ToListAsync());
        var (shopkeeper, _) = await host.SignInAsync(Tere);
        var order = (await Checkout.PlaceAsync(host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (stocked.ShopId, stocked.Id, 1)))).Orders.Single().Code;
        var anonymous = host.CreateClient();
        var random = new Random(Seed);
        var requests = Enumerable.Range(0, Requests).Select(_ => Generate(random, stocked.ShopId, products, order)).ToList();
        var before = await CountsAsync();

        var placed = new Dictionary<string, OrderStatus>(StringComparer.Ordinal);
        var steps = 0;
        var failures = new List<string>();
        var next = -1;
        async Task Caller()
        {
            for (var i = Interlocked.Increment(ref next); i < requests.Count; i = Interlocked.Increment(ref next))
            {
                var request = requests[i];
                using var response = await (request.AsShopkeeper ? shopkeeper : anonymous).SendAsync(request.Build());
                var body = await response.Content.ReadAsStringAsync();
                var problem = Check(response, body);
                lock (placed)
                {
                    if (problem is not null)
                    {
                        failures.Add($"{request.Method} {request.Path} ({request.Description}): {problem}");
                    }
                    else if (response.StatusCode == HttpStatusCode.Created)
                    {
                        foreach (var o in JsonSerializer.Deserialize<PlacedDto>(body, Checkout.Json)!.Orders)
                        {
                            placed[o.Code] = o.Status;
                        }
                    }
                    else if (response.StatusCode == HttpStatusCode.OK && request.IsStep)
                    {
                        steps++;
                    }
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Caller()));
        var after = await CountsAsync();

        failures.ShouldBeEmpty();
        (after.Orders - before.Orders).ShouldBe(placed.Count);
        (await Checkout.QueryAsync(host, db => db.Orders.CountAsync(o => placed.Keys.Contains(o.Code)))).ShouldBe(placed.Count);
        // Each placed order has its first event and each step that answered 200 one more, each with its outbox row but
        // for a card order's first (it waits for the payment).
        (after.Events - before.Events).ShouldBe(placed.Count + steps);
        (after.Outbox - before.Outbox).ShouldBe(placed.Values.Count(s => s != OrderStatus.AwaitingPayment) + steps);
        placed.Count.ShouldBeGreaterThan(0, "the generator should make some valid orders too");
        steps.ShouldBeGreaterThan(0, "and some steps that go through");
    }

    /// <summary>Null when the answer is as it should be; otherwise what is wrong with it.</summary>
    private static string? Check(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"{status} {body[..Math.Min(body.Length, 300)]}";
        }
        if (status < 400)
        {
            return null;
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} as {response.Content.Headers.ContentType}";
        }
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.GetProperty("status").GetInt32() == status && problem.RootElement.GetProperty("title").GetString() is { Length: > 0 }
            ? null
            : $"{status} with {body}";
    }

    private async Task<(int Orders, int Events, int Outbox)> CountsAsync() => await Checkout.QueryAsync(host, async db =>
        (await db.Orders.CountAsync(), await db.OrderEvents.CountAsync(), await db.Outbox.CountAsync()));

    private static FuzzRequest Generate(Random random, int shopId, List<int> products, string order)
    {
        var pick = random.Next(100);
        if (pick < 40)
        {
            var (bytes, what) = Body(random, () => ValidOrder(random, shopId, products));
            var key = random.Next(10) switch
            {
                0 => null,
                1 => "short",
                2 => new string('k', 100),
                3 => "fuzz-same-key-every-time",
                _ => RandomGuid(random).ToString("N"),
            };
            return new(HttpMethod.Post, "/api/pedidos", bytes, ContentType(random), what, Header: key is null ? null : ("Idempotency-Key", key));
        }
        if (pick < 65)
        {
            var code = random.Next(5) == 0 ? Text(random, 20, inPath: true) : order;
            var step = random.Next(6) switch
            {
                0 => Text(random, 12, inPath: true),
                1 => random.Next(-5, 40).ToString(System.Globalization.CultureInfo.InvariantCulture),
                2 => "ConfirmPayment",
                _ => Steps[random.Next(Steps.Length)],
            };
            var (bytes, what) = Body(random, () => new JsonObject { ["reason"] = "Se acabó el producto" });
            return new(HttpMethod.Post, $"/api/pedidos/{Uri.EscapeDataString(code)}/{Uri.EscapeDataString(step)}", bytes, ContentType(random),
                $"step {step}, {what}", AsShopkeeper: random.Next(5) > 0, IsStep: true);
        }
        if (pick < 75)
        {
            var shop = random.Next(4) switch
            {
                0 => shopId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                1 => "99999999999999999999",
                2 => "-1",
                _ => Text(random, 30, inPath: true),
            };
            return new(HttpMethod.Get, "/api/productos?tienda=" + Uri.EscapeDataString(shop), null, null, "products");
        }
        if (pick < 85)
        {
            var code = random.Next(3) == 0 ? order : Text(random, 40, inPath: true);
            return new(HttpMethod.Get, "/api/pedidos/" + Uri.EscapeDataString(code), null, null, "order", AsShopkeeper: random.Next(2) == 0);
        }
        var (payload, description) = Body(random, () => StripeEvent(random));
        var signature = random.Next(3) switch
        {
            0 => null,
            1 => $"t={DateTimeOffset.UtcNow.ToUnixTimeSeconds()},v1={Convert.ToHexStringLower(RandomBytes(random, 32))}",
            _ => Sign(payload ?? []),
        };
        return new(HttpMethod.Post, "/pagos/stripe/webhook", payload, random.Next(2) == 0 ? "application/json; charset=utf-8" : ContentType(random),
            description, Header: signature is null ? null : ("Stripe-Signature", signature));
    }

    /// <summary>A body: random JSON, or a valid one mutated; then, sometimes, bytes cut short or made invalid UTF-8.</summary>
    private static (byte[]? Bytes, string What) Body(Random random, Func<JsonNode> valid)
    {
        var roll = random.Next(20);
        if (roll == 0)
        {
            return (null, "no body");
        }
        JsonNode? node;
        string what;
        if (roll < 5)
        {
            node = RandomJson(random, 0);
            what = "random JSON";
        }
        else
        {
            node = valid();
            var mutations = random.Next(4);
            for (var i = 0; i < mutations; i++)
            {
                node = Mutate(random, node!);
            }
            what = mutations == 0 ? "valid" : $"valid with {mutations} mutation(s)";
        }
        var bytes = Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null");
        bytes = bytes.Length > MaxBody ? bytes[..MaxBody] : bytes;
        switch (random.Next(12))
        {
            case 0 when bytes.Length > 1:
                return (bytes[..random.Next(1, bytes.Length)], what + ", truncated");
            case 1:
                var broken = bytes.ToArray();
                broken[random.Next(broken.Length)] = (byte)(random.Next(2) == 0 ? 0xFF : 0xC3);
                return (broken, what + ", invalid UTF-8");
            default:
                return (bytes, what);
        }
    }

    private static JsonNode Mutate(Random random, JsonNode node)
    {
        var containers = Containers(node).ToList();
        var target = containers[random.Next(containers.Count)];
        switch (target)
        {
            case JsonObject o when o.Count > 0:
                var name = o.ElementAt(random.Next(o.Count)).Key;
                switch (random.Next(6))
                {
                    case 0:
                        o.Remove(name);
                        break;
                    case 1:
                        o[name] = RandomJson(random, 2);
                        break;
                    case 2:
                        o[name] = null;
                        break;
                    case 3:
                        o[name] = random.Next(4) switch
                        {
                            0 => JsonValue.Create(long.MaxValue),
                            1 => JsonValue.Create(-random.Next(1, 1000)),
                            2 => JsonValue.Create(1e300),
                            _ => JsonValue.Create(2147483648L),
                        };
                        break;
                    case 4:
                        o[name] = new string('ñ', random.Next(1, 20_000));
                        break;
                    default:
                        o[name] = Nest(o[name]?.DeepClone(), random.Next(10, 80));
                        break;
                }
                break;
            case JsonArray a when a.Count > 0:
                var index = random.Next(a.Count);
                switch (random.Next(3))
                {
                    case 0:
                        a.Add(a[index]?.DeepClone());
                        break;
                    case 1:
                        a[index] = null;
                        break;
                    default:
                        for (var i = random.Next(10, 40); i > 0; i--)
                        {
                            a.Add(a[index]?.DeepClone());
                        }
                        break;
                }
                break;
            default:
                return RandomJson(random, 0) ?? new JsonArray();
        }
        return node;
    }

    private static IEnumerable<JsonNode> Containers(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().Where(c => c is JsonObject or JsonArray))
        {
            foreach (var inner in Containers(child))
            {
                yield return inner;
            }
        }
    }

    private static JsonNode Nest(JsonNode? value, int depth)
    {
        var node = value ?? JsonValue.Create(1);
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }
        return node;
    }

    private static JsonNode? RandomJson(Random random, int depth) => random.Next(depth > 3 ? 6 : 9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        3 => JsonValue.Create(random.NextDouble() * Math.Pow(10, random.Next(-5, 300))),
        4 or 5 => JsonValue.Create(Text(random, random.Next(2) == 0 ? 20 : 3000)),
        6 => new JsonArray([.. Enumerable.Range(0, random.Next(5)).Select(_ => RandomJson(random, depth + 1))]),
        _ => new JsonObject(Enumerable.Range(0, random.Next(5)).Select(_ => KeyValuePair.Create(FieldName(random), RandomJson(random, depth + 1)))
            .DistinctBy(p => p.Key)),
    };

    private static readonly string[] FieldNames =
        ["customer", "lines", "shops", "name", "phone", "address", "productId", "quantity", "shopId", "fulfilment", "payment", "cashTendered", "reason"];

    private static string FieldName(Random random) => random.Next(3) == 0 ? Text(random, 8) : FieldNames[random.Next(FieldNames.Length)];

    private static JsonObject ValidOrder(Random random, int shopId, List<int> products) => new()
    {
        ["customer"] = new JsonObject
        {
            ["name"] = "Cliente de prueba",
            ["phone"] = $"+503 7{random.Next(0, 9_999_999):D7}",
            ["address"] = "Colonia Escalón, pasaje 3",
            ["referencePoint"] = "portón verde",
        },
        ["lines"] = new JsonArray([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => (JsonNode)new JsonObject
        {
            ["productId"] = products[random.Next(products.Count)],
            ["quantity"] = random.Next(1, 4),
        })]),
        ["shops"] = new JsonArray(new JsonObject
        {
            ["shopId"] = shopId,
            ["fulfilment"] = random.Next(2) == 0 ? "Pickup" : "Delivery",
            ["cashTendered"] = random.Next(3) == 0 ? "500.00" : null,
            ["payment"] = random.Next(4) == 0 ? "Card" : "CashOnDelivery",
        }),
    };

    private static JsonObject StripeEvent(Random random) => new()
    {
        ["id"] = "evt_" + RandomGuid(random).ToString("N"),
        ["object"] = "event",
        ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["type"] = random.Next(3) switch
        {
            0 => "checkout.session.completed",
            1 => "checkout.session.expired",
            _ => "payment_intent.payment_failed",
        },
        ["data"] = new JsonObject
        {
            ["object"] = new JsonObject
            {
                ["id"] = "cs_" + RandomGuid(random).ToString("N"),
                ["object"] = random.Next(2) == 0 ? "checkout.session" : "payment_intent",
                ["metadata"] = new JsonObject { ["order_id"] = RandomGuid(random).ToString() },
            },
        },
    };

    private static string Sign(byte[] payload)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signed = HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), Encoding.UTF8.GetBytes($"{timestamp}.{Encoding.UTF8.GetString(payload)}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(signed)}";
    }

    private static string? ContentType(Random random) => random.Next(8) switch
    {
        0 => null,
        1 => ContentTypes[random.Next(ContentTypes.Length)],
        _ => "application/json",
    };

    /// <summary>
    /// Letters, accents, quotes, slashes and, in bodies, control characters. Not in a URL: Kestrel itself refuses a path
    /// with control characters in it, before the app could answer anything.
    /// </summary>
    private static string Text(Random random, int length, bool inPath = false)
    {
        var alphabet = inPath ? "abcXYZ019 ñáéü€\"\\/<>{}[]%?#&=+" : "abcXYZ019 ñáéü€\"\\/<>{}[]%?#&=+\t\n\0\u001f\u200b\ufeff";
        var chars = new StringBuilder();
        for (var i = random.Next(1, length + 1); i > 0; i--)
        {
            chars.Append(alphabet[random.Next(alphabet.Length)]);
        }
        return chars.ToString();
    }

    private static Guid RandomGuid(Random random) => new(RandomBytes(random, 16));

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private sealed record FuzzRequest(HttpMethod Method, string Path, byte[]? Body, string? ContentType, string Description,
        (string Name, string Value)? Header = null, bool AsShopkeeper = false, bool IsStep = false)
    {
        public HttpRequestMessage Build()
        {
            var message = new HttpRequestMessage(Method, Path);
            if (Body is not null)
            {
                message.Content = new ByteArrayContent(Body);
                if (ContentType is not null)
                {
                    message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
                }
            }
            if (Header is var (name, value))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
            return message;
        }
    }
}
