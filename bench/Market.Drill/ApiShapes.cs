namespace Market.Drill;

// The JSON of /api/productos, /api/pedidos (src/Market.Web/Api/OrdersApi.cs) and the hub's OrderUpdate, only the fields the drill uses.

internal sealed record ProductDto(int Id, string Name, int? Stock);

internal sealed record CustomerDto(string Name, string Phone);

internal sealed record CartLineDto(int ProductId, int Quantity);

internal sealed record ShopChoiceDto(int ShopId, string Fulfilment);

internal sealed record PlaceOrderRequest(CustomerDto Customer, IReadOnlyList<CartLineDto> Lines, IReadOnlyList<ShopChoiceDto> Shops);

internal sealed record PlacedOrderDto(string Code, int ShopId);

internal sealed record PlacedDto(IReadOnlyList<PlacedOrderDto> Orders);

internal sealed record UpdateDto(string Code, long EventId, int Sequence, string Status);
