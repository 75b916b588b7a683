using Market.Tests.Support;
using Stripe;
using Stripe.Checkout;

namespace Market.Tests.Integration.Payments;

/// <summary>The fake answers the real Stripe.net client the way Stripe documents, for each call the app makes.</summary>
public sealed class StripeFakeTests : IAsyncLifetime
{
    private StripeFake fake = null!;
    private StripeClient client = null!;

    public async Task InitializeAsync()
    {
        fake = await StripeFake.StartAsync();
        client = new StripeClient(StripeFake.SecretKey, apiBase: fake.BaseAddress.ToString().TrimEnd('/'));
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    [Fact]
    public async Task CreateSession_ReplayedWithTheSameKey_ReturnsTheSameSession()
    {
        var sessions = new SessionService(client);

        var first = await sessions.CreateAsync(Session(500), new RequestOptions { IdempotencyKey = "checkout-a-1" });
        var again = await sessions.CreateAsync(Session(500), new RequestOptions { IdempotencyKey = "checkout-a-1" });

        again.Id.ShouldBe(first.Id);
        again.StripeResponse.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        first.Status.ShouldBe("open");
        first.AmountTotal.ShouldBe(500);
        first.Url.ShouldStartWith(fake.BaseAddress.ToString());
        first.Metadata["order_id"].ShouldBe("o-1");
    }

    [Fact]
    public async Task CreateSession_SameKeyOtherParameters_IsAnIdempotencyError()
    {
        var sessions = new SessionService(client);
        await sessions.CreateAsync(Session(500), new RequestOptions { IdempotencyKey = "checkout-b-1" });

        var refused = await Should.ThrowAsync<StripeException>(() =>
            sessions.CreateAsync(Session(700), new RequestOptions { IdempotencyKey = "checkout-b-1" }));

        refused.StripeError.Type.ShouldBe("idempotency_error");
        refused.HttpStatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ExpireSession_OnlyWhileOpen()
    {
        var sessions = new SessionService(client);
        var session = await sessions.CreateAsync(Session(500));

        (await sessions.ExpireAsync(session.Id)).Status.ShouldBe("expired");
        (await sessions.GetAsync(session.Id)).Status.ShouldBe("expired");
        var refused = await Should.ThrowAsync<StripeException>(() => sessions.ExpireAsync(session.Id));
        refused.HttpStatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Refund_OfAPaidSession_OnceInFull_ThenAlreadyRefunded()
    {
        var sessions = new SessionService(client);
        var refunds = new RefundService(client);
        var session = await sessions.CreateAsync(Session(1250));
        await fake.PayAsync(session.Id);
        var intent = (await sessions.GetAsync(session.Id)).PaymentIntentId;

        var refund = await refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intent }, new RequestOptions { IdempotencyKey = "refund-x" });
        var replay = await refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intent }, new RequestOptions { IdempotencyKey = "refund-x" });
        var second = await Should.ThrowAsync<StripeException>(() => refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intent }));

        refund.Amount.ShouldBe(1250);
        refund.Status.ShouldBe("succeeded");
        replay.Id.ShouldBe(refund.Id);
        second.StripeError.Code.ShouldBe("charge_already_refunded");
        fake.RefundsOf(intent).Count.ShouldBe(1);
    }

    [Fact]
    public async Task WrongApiKey_IsRefused()
    {
        var stranger = new StripeClient("sk_test_someoneElse", apiBase: fake.BaseAddress.ToString().TrimEnd('/'));

        var refused = await Should.ThrowAsync<StripeException>(() => new SessionService(stranger).CreateAsync(Session(500)));

        refused.HttpStatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Signature_IsVerifiedByStripeNet()
    {
        var payload = StripeFake.EventPayload("checkout.session.completed", new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "cs_test_1",
            ["object"] = "checkout.session",
        });

        var verified = EventUtility.ConstructEvent(payload, StripeFake.Signature(payload, StripeFake.WebhookSecret, DateTimeOffset.UtcNow), StripeFake.WebhookSecret);

        verified.Type.ShouldBe("checkout.session.completed");
        ((Session)verified.Data.Object).Id.ShouldBe("cs_test_1");
    }

    private static SessionCreateOptions Session(long cents) => new()
    {
        Mode = "payment",
        SuccessUrl = "http://127.0.0.1/ok",
        CancelUrl = "http://127.0.0.1/back",
        ClientReferenceId = "MC-TEST",
        Metadata = new Dictionary<string, string> { ["order_id"] = "o-1" },
        PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string> { ["order_id"] = "o-1" } },
        LineItems =
        [
            new SessionLineItemOptions
            {
                Quantity = 1,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = "usd",
                    UnitAmount = cents,
                    ProductData = new SessionLineItemPriceDataProductDataOptions { Name = "Pedido" },
                },
            },
        ],
    };
}
