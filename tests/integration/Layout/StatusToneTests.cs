using Market.Core.Catalog;
using Market.Core.MarketDays;
using Market.Core.Ordering;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Market.Web.Shared;

namespace Market.Tests.Integration.Layout;

/// <summary>A status badge's colour says what the status means: waiting is amber, done is green, refused is red.</summary>
public sealed class StatusToneTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private MarketHost Host => fixture.Host;

    [Fact]
    public async Task OrderStatusBadge_IsAmberWhileWaiting_GreenOnceAccepted_AndRedWhenRejected_OnTheTrackingPageAndTheInbox()
    {
        var product = await Checkout.StockedProductOfAsync(Host, "tere@demo.sv");
        var resident = Host.CreateClient();
        var accepted = (await Checkout.PlaceAsync(resident, Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))).Orders[0].Code;
        var rejected = (await Checkout.PlaceAsync(resident, Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))).Orders[0].Code;
        var (shopkeeper, _) = await Host.SignInAsync("tere@demo.sv");

        var waiting = await resident.GetStringAsync($"/pedidos/{accepted}");
        (await shopkeeper.PostAsync($"/api/pedidos/{accepted}/Accept", Checkout.NoReason)).EnsureSuccessStatusCode();
        (await shopkeeper.PostAsync($"/api/pedidos/{rejected}/Reject",
            new StringContent("{\"reason\":\"Sin existencias\"}", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var positive = await resident.GetStringAsync($"/pedidos/{accepted}");
        var inbox = await shopkeeper.GetStringAsync("/tienda/pedidos");

        waiting.ShouldContain("class=\"badge-status tone-waiting\">Recibido</strong>");
        positive.ShouldContain("class=\"badge-status tone-positive\">Aceptado</strong>");
        inbox.ShouldContain("<span class=\"status badge-status tone-negative\" data-testid=\"card-status\">Rechazado</span>");
        inbox.ShouldNotContain("tone-positive\" data-testid=\"card-status\">Recibido");
    }

    [Fact]
    public void NothingThatWaits_IsShownAsASuccess()
    {
        StatusTone.Of(OrderStatus.Placed).ShouldBe(Tone.Waiting);
        StatusTone.Of(OrderStatus.AwaitingPayment).ShouldBe(Tone.Waiting);
        StatusTone.Of(ShopStatus.Pending).ShouldBe(Tone.Waiting);
        StatusTone.Of(StallApplicationStatus.Pending).ShouldBe(Tone.Waiting);
        StatusTone.Of(StallApplicationStatus.WaitListed).ShouldBe(Tone.Waiting);
        new[] { OrderStatus.Accepted, OrderStatus.ReadyForPickup, OrderStatus.Delivered, OrderStatus.PickedUp }
            .Select(StatusTone.Of).ShouldAllBe(t => t == Tone.Positive);
        new[] { OrderStatus.Rejected, OrderStatus.Cancelled }.Select(StatusTone.Of).ShouldAllBe(t => t == Tone.Negative);
        StatusTone.Of(ShopStatus.Suspended).ShouldBe(Tone.Negative);
    }
}
