using Market.Orders.Payments;
using Market.Web.Api;
using Market.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Market.Web.Payments;

/// <summary>Where Stripe posts its events. Answers 400 to anything not signed with our secret, 503 to ask for a redelivery.</summary>
public static class StripeWebhook
{
    public const string Path = "/pagos/stripe/webhook";

    private const int MaxPayloadBytes = 256 * 1024;

    public static void MapStripeWebhook(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, ReceiveAsync).WithMetadata(new RequestSizeLimitAttribute(MaxPayloadBytes));

    private static async Task<IResult> ReceiveAsync(HttpRequest request, HandleStripeEventHandler handler, IStringLocalizer<Ui> text, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(ct);
        try
        {
            var outcome = await handler.HandleAsync(new HandleStripeEvent(payload, request.Headers["Stripe-Signature"].FirstOrDefault()), ct);
            return outcome == StripeEventOutcome.Refused
                ? ApiProblems.Problem(text, StatusCodes.Status400BadRequest, text["Payments.WebhookRefused"])
                : Results.Ok();
        }
        catch (StripeEventConflictException)
        {
            return ApiProblems.Problem(text, StatusCodes.Status503ServiceUnavailable, text["Payments.WebhookRetry"]);
        }
    }
}
