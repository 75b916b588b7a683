using System.Globalization;
using System.Text.Json.Serialization;
using Market.Admin;
using Market.Core.Accounts;
using Market.Core.Data;
using Market.Orders.LiveUpdates;
using Market.Web.Accounts;
using Market.Web.Api;
using Market.Web.Media;
using Market.Web.Operations;
using Market.Web.Payments;
using Market.Web.Security;
using Market.Web.Storefront;
using Market.Web.Transfer;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Market.Web;

public static class WebExtensions
{
    public static readonly CultureInfo[] Cultures = [new("es-SV"), new("en")];

    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddLocalization();
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<Resources.Ui>, Resources.UiText>();
        // Spanish text stays as it is in the HTML ("dólares", not "d&#xF3;lares"): smaller pages on slow data.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add(new SecondFactorFirst());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(Resources.Ui)))
            .AddAdmin();
        // Views live beside their controllers, in feature folders.
        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/{1}/{0}.cshtml");
            o.ViewLocationFormats.Add("/Shared/{0}.cshtml");
        });

        services.AddScoped<Catalog.SaveProductHandler>();
        services.AddScoped<Catalog.QuickEditHandler>();
        services.AddScoped<Catalog.ProductPhotosHandler>();
        services.AddScoped<Onboarding.RegisterShopHandler>();
        services.AddScoped<Onboarding.EditShopHandler>();
        services.AddScoped<Nearby.FindLocation>();
        services.AddScoped<Nearby.SetLocationHandler>();
        services.AddStorefront();
        services.AddTransfer();
        services.AddScoped<Stalls.ApplyForStallHandler>();
        services.AddScoped<Stalls.ChangeStallApplicationHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new NoNullCharacters());
        });
        // A request the API cannot bind throws, so that ApiExceptionHandler can say which field was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        builder.AddSecurity();
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseSecurity();
        // First, so that error pages and problem details alike are in the language the request asked for.
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Spanish first whatever the browser says; English only for whoever picks it (API callers with Accept-Language).
            o.RequestCultureProviders = [new ApiAcceptLanguage(), new CookieRequestCultureProvider()];
        });
        if (!app.Environment.IsDevelopment())
        {
            // ApiExceptionHandler answers the API; people get the error page, with the status of a refused request.
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                StatusCodeSelector = e => e is BadHttpRequestException refused ? refused.StatusCode : StatusCodes.Status500InternalServerError,
                SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
            });
        }
        app.UseWhen(c => ApiProblems.Answers(c.Request), api => api.UseStatusCodePages(ApiProblems.WriteStatusAsync));
        app.UseWhen(c => !ApiProblems.Answers(c.Request), site => site.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseTransfer();
        app.UseRouting();
        app.UseOperations();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.MapControllers();
        app.MapHub<OrdersHub>("/hubs/pedidos");
        app.MapOrdersApi();
        app.MapMedia();
        app.MapStripeWebhook();
        return app;
    }
}
