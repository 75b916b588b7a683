using Market.Orders.Payments;

namespace Market.Web.Payments;

/// <summary>Where Stripe posts its events. Answers 400 to anything not signed with our secret, 500 to ask for a redelivery.</summary>
public static class StripeWebhook
{
    public const string Path = "/pagos/stripe/webhook";

    private const int MaxPayloadBytes = 256 * 1024;

    public static void MapStripeWebhook(this IEndpointRouteBuilder app) => app.MapPost(Path, ReceiveAsync);

    private static async Task<IResult> ReceiveAsync(HttpRequest request, HandleStripeEventHandler handler, CancellationToken ct)
    {
        if (request.ContentLength is > MaxPayloadBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(ct);
        try
        {
            var outcome = await handler.HandleAsync(new HandleStripeEvent(payload, request.Headers["Stripe-Signature"].FirstOrDefault()), ct);
            return outcome == StripeEventOutcome.Refused ? Results.BadRequest() : Results.Ok();
        }
        catch (StripeEventConflictException)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }
}
