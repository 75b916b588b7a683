using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Market.Tests.E2e.Pages;

/// <summary>The staff's market screens: register a space, schedule a series, decide on stall applications, cancel a day.</summary>
public sealed class MarketAdminPage(IPage page)
{
    public IPage Page => page;

    public async Task RegisterPlazaAsync(string name, double latitude, double longitude, int stalls)
    {
        await page.GotoAsync("/admin/mercados/espacios/nuevo");
        await page.GetByLabel("Nombre", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Plaza", Exact = true }).CheckAsync();
        await page.GetByLabel("Dirección", new() { Exact = true }).FillAsync("Frente a la iglesia El Carmen");
        await page.GetByLabel("Latitud").FillAsync(latitude.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Longitud").FillAsync(longitude.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Puestos", new() { Exact = true }).FillAsync(stalls.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar espacio" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
    }

    public async Task ScheduleWeeklyAsync(string weekday, DateOnly first, DateOnly last, string opens, string closes)
    {
        await page.GetByRole(AriaRole.Radio, new() { Name = "Semanal", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = weekday, Exact = true }).CheckAsync();
        await page.GetByLabel("Desde").FillAsync(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Hasta").FillAsync(last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Abre").FillAsync(opens);
        await page.GetByLabel("Cierra").FillAsync(closes);
        await page.GetByRole(AriaRole.Button, new() { Name = "Programar", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Serie programada");
    }

    /// <summary>Opens the first upcoming market day of the space page that is open.</summary>
    public async Task OpenNextDayAsync()
    {
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("Solicitudes de puesto") })).ToBeVisibleAsync();
    }

    public async Task ApproveAsync(string vendor, int stall)
    {
        var application = page.GetByRole(AriaRole.Article, new() { Name = vendor, Exact = true });
        await application.GetByLabel("Puesto").SelectOptionAsync(stall.ToString(CultureInfo.InvariantCulture));
        await application.GetByRole(AriaRole.Button, new() { Name = "Aprobar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Solicitud aprobada.");
        await Expect(page.GetByRole(AriaRole.Article, new() { Name = vendor, Exact = true })).ToContainTextAsync($"puesto {stall}");
    }

    public async Task CancelDayAsync(string reason)
    {
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Cancelar esta jornada" });
        await form.GetByLabel("Motivo").FillAsync(reason);
        await form.GetByRole(AriaRole.Button, new() { Name = "Cancelar la jornada" }).ClickAsync();
        await Expect(page.GetByTestId("day-status")).ToHaveTextAsync("Cancelada");
    }
}
