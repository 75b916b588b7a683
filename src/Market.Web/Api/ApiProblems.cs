using System.Text.Json;
using Market.Web.Payments;
using Market.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Market.Web.Api;

/// <summary>
/// Every error the API answers is RFC 9457 problem details: a title for the status and a detail in the caller's language
/// (Spanish unless Accept-Language asks for English), with messages per field when the request itself was wrong.
/// </summary>
public static class ApiProblems
{
    private static readonly HashSet<int> Titled = [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503];

    /// <summary>Who gets problem details rather than the site's error page: the API and Stripe's webhook.</summary>
    public static bool Answers(HttpRequest request) => Answers(request.Path);

    public static bool Answers(PathString path) =>
        path.StartsWithSegments("/api") || path.Equals(StripeWebhook.Path, StringComparison.OrdinalIgnoreCase);

    public static IResult Problem(IStringLocalizer<Ui> text, int status, string? detail = null) =>
        TypedResults.Problem(detail ?? Detail(text, status), statusCode: status, title: Title(text, status));

    public static IResult Invalid(IStringLocalizer<Ui> text, IDictionary<string, string[]> errors, string? detail = null,
        int status = StatusCodes.Status400BadRequest) =>
        Results.ValidationProblem(errors, detail ?? Detail(text, status), statusCode: status, title: Title(text, status));

    /// <summary>What minimal API binding refused (ThrowOnBadRequest is on): JSON it could not read names the field.</summary>
    public static IResult BadRequest(IStringLocalizer<Ui> text, BadHttpRequestException exception) =>
        exception.InnerException is JsonException json
            ? Invalid(text, new Dictionary<string, string[]> { [json.Path ?? "$"] = [text["Problem.JsonField"]] }, text["Problem.Json"])
            : Problem(text, exception.StatusCode);

    /// <summary>An error status the API set without a body (binding, routing, the cookie handler): the problem for it.</summary>
    public static Task WriteStatusAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        return Problem(context.RequestServices.GetRequiredService<IStringLocalizer<Ui>>(), context.Response.StatusCode).ExecuteAsync(context);
    }

    private static string Title(IStringLocalizer<Ui> text, int status) => text[Titled.Contains(status) ? $"Problem.{status}" : "Problem.Other"];

    private static string Detail(IStringLocalizer<Ui> text, int status) =>
        text[Titled.Contains(status) ? $"Problem.{status}.Detail" : "Problem.Other.Detail"];
}
