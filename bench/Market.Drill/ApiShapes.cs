namespace Market.Drill;

// The hub's OrderUpdate (also what GET /api/pedidos/{code} answers), only the fields the drill uses; the request shapes
// come from Market.Bench (linked).
internal sealed record UpdateDto(string Code, long EventId, int Sequence, string Status, string? Action = null);

// The 201 of POST /api/pedidos, with the totals the drill checks the ledger against.
internal sealed record CheckoutOrderDto(string Code, int ShopId, long TotalCents, string Status);

internal sealed record CheckoutAnswerDto(IReadOnlyList<CheckoutOrderDto> Orders);

// The 200 of POST /api/pedidos/{code}/{step}.
internal sealed record StepAnswerDto(int Sequence, string Status);
