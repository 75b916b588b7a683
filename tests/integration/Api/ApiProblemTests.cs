using System.Net;
using System.Text;
using System.Text.Json;
using Market.Core.Catalog;
using Market.Core.Ordering;
using Market.Orders.Checkout;
using Market.Tests.Integration.Spine;
using Market.Tests.Support;
using Market.Web.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.Integration.Api;

/// <summary>Whatever goes wrong, an API caller is told so in RFC 9457 problem details, in Spanish unless it asks for English.</summary>
public sealed class ApiProblemTests(SqliteSpine fixture) : IClassFixture<SqliteSpine>
{
    private const string Tere = "tere@demo.sv";

    private MarketHost Host => fixture.Host;

    [Theory]
    [InlineData("""{"lines":[{"productId":"uno","quantity":1}]}""", "$.lines[0].productId")]
    [InlineData("""{"lines":[{"productId":1,"quantity":99999999999}]}""", "$.lines[0].quantity")]
    [InlineData("""{"customer":{"name":"Ana"},"lines":[{"productId":1,"quantity":1}""", "$.lines[1]")]
    [InlineData("""{"shops":[{"shopId":1,"fulfilment":"Teleport"}]}""", "$.shops[0].fulfilment")]
    [InlineData("""{"customer":{"name":"Ana\u0000"}}""", "$.customer.name")]
    public async Task UnreadableJson_IsA400NamingTheField_AndStoresNothing(string body, string field)
    {
        var orders = await OrdersAsync();

        var (status, problem) = await PlaceRawAsync(body);

        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.Title.ShouldBe("La solicitud no es válida");
        problem.Detail.ShouldBe("El cuerpo no es JSON válido, o un campo no tiene el tipo o el valor esperado.");
        problem.Errors.Keys.ShouldBe([field]);
        (await OrdersAsync()).ShouldBe(orders);
    }

    [Fact]
    public async Task NullsAndTheSameShopTwice_AreA400PerField_AndStoreNothing()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        var orders = await OrdersAsync();

        var (nullLine, withNullLine) = await PlaceRawAsync(
            $$"""{"customer":{"name":"Ana","phone":"+503 7123 4567"},"lines":[null],"shops":[{"shopId":{{product.ShopId}},"fulfilment":"Pickup"}]}""");
        var (nullShop, withNullShop) = await PlaceRawAsync(
            $$"""{"customer":{"name":"Ana","phone":"+503 7123 4567"},"lines":[{"productId":{{product.Id}},"quantity":1}],"shops":[null]}""");
        var (twice, withShopTwice) = await PlaceRawAsync($$"""
            {"customer":{"name":"Ana","phone":"+503 7123 4567"},"lines":[{"productId":{{product.Id}},"quantity":1}],
             "shops":[{"shopId":{{product.ShopId}},"fulfilment":"Pickup"},{"shopId":{{product.ShopId}},"fulfilment":"Delivery"}]}
            """);

        nullLine.ShouldBe(HttpStatusCode.BadRequest);
        withNullLine.Errors["lines"].ShouldBe(["Cada línea del carrito necesita un producto y una cantidad."]);
        nullShop.ShouldBe(HttpStatusCode.BadRequest);
        withNullShop.Errors.Keys.ShouldBe(["shops"]);
        twice.ShouldBe(HttpStatusCode.BadRequest);
        withShopTwice.Errors[$"shop-{product.ShopId}"].ShouldBe(["Esa tienda aparece dos veces: elige una sola forma de recibir su pedido."]);
        (await OrdersAsync()).ShouldBe(orders);
    }

    [Fact]
    public async Task PlaceOrderHandler_RefusesNullLinesAndDuplicateShops_ForTheHtmlCheckoutToo()
    {
        var product = await Checkout.StockedProductOfAsync(Host, Tere);
        await using var scope = Host.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<PlaceOrderHandler>();
        var shop = new ShopChoice(product.ShopId, Fulfilment.Pickup, null);

        var result = await handler.HandleAsync(new PlaceOrder(Guid.NewGuid().ToString("N"), null, null, new CustomerContact("Ana", "+503 7123 4567", null, null),
            [new CartLine(product.Id, 1), null!], [shop, shop with { Fulfilment = (Fulfilment)7 }]), default);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Select(e => e.MessageKey).ShouldBe(["Checkout.ShopInvalid", "Checkout.ShopTwice", "Checkout.LineInvalid"], ignoreOrder: true);
    }

    [Fact]
    public async Task EveryKindOfError_IsProblemDetails_WithTheStatusAndASpanishTitle()
    {
        var (shopkeeper, _) = await Host.SignInAsync(Tere);
        var (otherShopkeeper, _) = await Host.SignInAsync("chepe@demo.sv");
        var product = await Checkout.StockedProductOfAsync(Host, Tere, stock: 1);
        var code = (await Checkout.PlaceAsync(Host.CreateClient(), Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1)))).Orders.Single().Code;
        var anonymous = Host.CreateClient();

        var answers = new (HttpResponseMessage Response, HttpStatusCode Status, string Title)[]
        {
            (await anonymous.GetAsync("/api/productos?tienda=dos"), HttpStatusCode.BadRequest, "La solicitud no es válida"),
            (await anonymous.PostAsync($"/api/pedidos/{code}/Accept", Checkout.NoReason), HttpStatusCode.Unauthorized, "Inicia sesión"),
            (await otherShopkeeper.PostAsync($"/api/pedidos/{code}/Accept", Checkout.NoReason), HttpStatusCode.Forbidden, "No permitido"),
            (await anonymous.GetAsync("/api/pedidos/MC-NOEXISTE"), HttpStatusCode.NotFound, "No encontrado"),
            (await anonymous.GetAsync("/api/nada/por/aqui"), HttpStatusCode.NotFound, "No encontrado"),
            (await shopkeeper.PostAsync($"/api/pedidos/{code}/ConfirmPayment", Checkout.NoReason), HttpStatusCode.NotFound, "No encontrado"),
            (await anonymous.GetAsync("/api/pedidos"), HttpStatusCode.MethodNotAllowed, "Método no permitido"),
            (await anonymous.PostAsync("/api/pedidos", new StringContent(new string(' ', 70_000), Encoding.UTF8, "application/json")),
                HttpStatusCode.RequestEntityTooLarge, "Cuerpo demasiado grande"),
            (await anonymous.PostAsync("/api/pedidos", new StringContent("{}", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType,
                "Tipo de contenido no admitido"),
            (await shopkeeper.PostAsync($"/api/pedidos/{code}/Deliver", Checkout.NoReason), HttpStatusCode.UnprocessableEntity, "No se puede hacer"),
            (await Checkout.PostAsync(anonymous, Checkout.Request(Fulfilment.Pickup, (product.ShopId, product.Id, 1))), HttpStatusCode.Conflict, "Conflicto"),
        };

        foreach (var (response, status, title) in answers)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(status, body);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
            var problem = Problem.Parse(body);
            problem.Status.ShouldBe((int)status);
            problem.Title.ShouldBe(title);
            problem.Detail.ShouldNotBeNullOrWhiteSpace();
        }
        Problem.Parse(await answers[5].Response.Content.ReadAsStringAsync()).Detail
            .ShouldBe("«ConfirmPayment» no es un paso de pedido. Los pasos son: Accept, StartPreparing, SendOut, MarkReady, Deliver, HandOver, Reject, Cancel.");
    }

    [Fact]
    public async Task AnApiCaller_GetsEnglishWithAcceptLanguage_WhileThePagesStayInSpanish()
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var (_, problem) = await PlaceRawAsync("""{"lines":[{"productId":"uno"}]}""", client);
        var notFound = Problem.Parse(await (await client.GetAsync("/api/pedidos/MC-NOEXISTE")).Content.ReadAsStringAsync());
        var page = await client.GetStringAsync("/");

        problem.Title.ShouldBe("The request is not valid");
        problem.Errors["$.lines[0].productId"].ShouldBe(["This field could not be read: check its type and value."]);
        notFound.Detail.ShouldBe("Order not found.");
        page.ShouldContain("<html lang=\"es-SV\">");
    }

    [Fact]
    public async Task AnUnexpectedFailure_OnTheWayToAnApiAnswer_IsA500Problem_ThatGivesNothingAway()
    {
        var handler = Host.Services.GetServices<IExceptionHandler>().OfType<ApiExceptionHandler>().Single();
        var context = new DefaultHttpContext { RequestServices = Host.Services };
        context.Request.Path = "/api/pedidos";
        context.Response.Body = new MemoryStream();
        var page = new DefaultHttpContext { RequestServices = Host.Services };
        page.Request.Path = "/checkout";

        var handled = await handler.TryHandleAsync(context, new InvalidOperationException("connection string Password=secret"), default);

        handled.ShouldBeTrue();
        context.Response.StatusCode.ShouldBe(500);
        context.Response.ContentType.ShouldBe("application/problem+json");
        var body = Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        Problem.Parse(body).Title.ShouldBe("Error del servidor");
        body.ShouldNotContain("secret");
        (await handler.TryHandleAsync(page, new InvalidOperationException(), default)).ShouldBeFalse();
    }

    private async Task<(HttpStatusCode Status, Problem Problem)> PlaceRawAsync(string json, HttpClient? client = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/pedidos") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var response = await (client ?? Host.CreateClient()).SendAsync(message);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (response.StatusCode, Problem.Parse(await response.Content.ReadAsStringAsync()));
    }

    private Task<int> OrdersAsync() => Checkout.QueryAsync(Host, db => db.Orders.CountAsync());

    private sealed record Problem(int Status, string Title, string? Detail, Dictionary<string, string[]> Errors)
    {
        public static Problem Parse(string json)
        {
            var root = JsonDocument.Parse(json).RootElement;
            var errors = root.TryGetProperty("errors", out var e)
                ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray())
                : [];
            return new(root.GetProperty("status").GetInt32(), root.GetProperty("title").GetString()!,
                root.TryGetProperty("detail", out var d) ? d.GetString() : null, errors);
        }
    }
}
