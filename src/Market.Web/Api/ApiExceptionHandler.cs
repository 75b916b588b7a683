using Market.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Market.Web.Api;

/// <summary>An exception on the way to an API answer becomes problem details too: a refused request keeps its status, anything else is a 500.</summary>
internal sealed class ApiExceptionHandler(IStringLocalizer<Ui> text) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page; the feature keeps where it was going.
        if (!ApiProblems.Answers(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path))
        {
            return false;
        }
        var problem = exception is BadHttpRequestException refused
            ? ApiProblems.BadRequest(text, refused)
            : ApiProblems.Problem(text, StatusCodes.Status500InternalServerError);
        await problem.ExecuteAsync(httpContext);
        return true;
    }
}
