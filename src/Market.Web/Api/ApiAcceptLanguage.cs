using Microsoft.AspNetCore.Localization;

namespace Market.Web.Api;

/// <summary>API callers ask for a language with Accept-Language; the site itself goes by the language cookie alone.</summary>
internal sealed class ApiAcceptLanguage : AcceptLanguageHeaderRequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        ApiProblems.Answers(httpContext.Request) ? base.DetermineProviderCultureResult(httpContext) : NullProviderCultureResult;
}
