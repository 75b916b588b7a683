using System.Net;
using System.Text.RegularExpressions;

namespace Market.Drill;

/// <summary>Signs in through the real form, as a browser does, and keeps the authentication cookie.</summary>
internal static partial class SignIn
{
    private static readonly Uri FormPath = new("/cuenta/ingresar", UriKind.Relative);

    public static async Task<CookieContainer> AsShopkeeperAsync(Uri baseUrl, string login, string password)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl };

        var page = await http.GetStringAsync(FormPath);
        var input = AntiforgeryInput().Match(page);
        var value = input.Success ? ValueAttribute().Match(input.Value) : Match.Empty;
        if (!value.Success)
        {
            throw new InvalidOperationException($"no __RequestVerificationToken input on {FormPath}");
        }
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = login,
            ["Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(value.Groups[1].Value),
        });
        using var response = await http.PostAsync(FormPath, form);
        // The form answers a good sign-in with a redirect to the inbox and a bad one with the form again (400).
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"signing in as {login} answered {(int)response.StatusCode}, not 302");
        }
        return cookies;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
