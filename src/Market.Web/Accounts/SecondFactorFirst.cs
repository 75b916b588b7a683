using Market.Core.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Market.Web.Accounts;

/// <summary>Staff who must use an authenticator app and have not enrolled one see only the enrolment page until they do.</summary>
internal sealed class SecondFactorFirst : IAuthorizationFilter
{
    public const string EnrolPath = "/cuenta/seguridad/autenticador";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.HttpContext.User.HasClaim(MarketClaims.MustEnrolSecondFactor, "true")
            && !context.ActionDescriptor.EndpointMetadata.OfType<BeforeSecondFactorAttribute>().Any())
        {
            context.Result = new LocalRedirectResult(EnrolPath);
        }
    }
}

/// <summary>Pages a staff member can use before enrolling a second factor: sign-in, sign-out and the enrolment itself.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class BeforeSecondFactorAttribute : Attribute;
