using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Market.Core.Catalog;
using Market.Tests.Support;
using Market.Web.CatalogCsv;
using Microsoft.EntityFrameworkCore;

namespace Market.Tests.Integration.CatalogCsv;

/// <summary>Uploads catalog files as a shopkeeper's browser does and follows the import to its end.</summary>
public static class CsvImports
{
    public const string Header = "sku,nombre,descripcion,categoria,unidad,precio,existencias,activo,local";

    public static Task<Shop> ShopOfAsync(MarketHost host, string ownerEmail) =>
        Checkout.QueryAsync(host, db => db.Shops.AsNoTracking()
            .Where(s => db.Users.Any(u => u.Id == s.OwnerId && u.Email == ownerEmail)).OrderBy(s => s.Name).FirstAsync());

    public static Task<Category> CategoryAsync(MarketHost host) =>
        Checkout.QueryAsync(host, db => db.Categories.AsNoTracking().OrderBy(c => c.Id).FirstAsync());

    /// <summary>Posts the file with the upload page's anti-forgery token; the response is not followed.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, int shopId, byte[] file, string fileName = "catalogo.csv")
    {
        var page = await client.GetStringAsync($"/tienda/catalogo/importar?tienda={shopId}");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await client.PostAsync("/tienda/catalogo/importar", new MultipartFormDataContent
        {
            { new StringContent(shopId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "tienda" },
            { new StringContent(MarketHost.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { content, "archivo", fileName },
        });
    }

    /// <summary>Uploads and returns the import's page address.</summary>
    public static async Task<string> UploadAsync(HttpClient client, int shopId, byte[] file, string fileName = "catalogo.csv")
    {
        var response = await PostAsync(client, shopId, file, fileName);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith("/tienda/catalogo/importar/");
        return location;
    }

    /// <summary>Polls the state as the page does (faster, to see more of the progress) until the import has finished.</summary>
    public static async Task<List<ImportState>> WaitAsync(HttpClient client, string importPage, TimeSpan? timeout = null)
    {
        var states = new List<ImportState>();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var state = (await client.GetFromJsonAsync<ImportState>(importPage + "/estado", cancel.Token))!;
            states.Add(state);
            if (state.Finished)
            {
                return states;
            }
            await Task.Delay(20, cancel.Token);
        }
    }

    public static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
