namespace Market.Bench;

// The JSON of /api/productos and /api/pedidos (src/Market.Web/Api/OrdersApi.cs), only the fields the benchmark uses.

internal sealed record ProductDto(int Id, string Name, int? Stock);

internal sealed record CustomerDto(string Name, string Phone);

internal sealed record CartLineDto(int ProductId, int Quantity);

internal sealed record ShopChoiceDto(int ShopId, string Fulfilment);

internal sealed record PlaceOrderRequest(CustomerDto Customer, IReadOnlyList<CartLineDto> Lines, IReadOnlyList<ShopChoiceDto> Shops);

internal sealed record PlacedOrderDto(string Code, int ShopId);

internal sealed record PlacedDto(IReadOnlyList<PlacedOrderDto> Orders);
