using Market.Admin.Resources;
using Market.Admin.Staff;
using Market.Core.Accounts;
using Market.Core.Catalog;
using Market.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Market.Admin.Categories;

/// <summary>Categories are shared by every shop, so only metropolitan staff add or rename them.</summary>
[Authorize(Roles = Roles.MetroStaff)]
public sealed class CategoriesController(MarketDbContext db, IStringLocalizer<AdminText> text, AuditTrail audit) : Controller
{
    [HttpGet("/admin/categorias")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct));

    [HttpPost("/admin/categorias")]
    public async Task<IActionResult> Add(string? name, CancellationToken ct)
    {
        if (await ProblemAsync(name, null, ct) is { } problem)
        {
            return await Refuse(problem, ct);
        }
        var category = new Category { Name = name!.Trim(), Slug = Slug.From(name) };
        db.Categories.Add(category);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Record("category.create", $"category:{category.Id}", null, null, new { category.Name, category.Slug });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return LocalRedirect("/admin/categorias");
    }

    [HttpPost("/admin/categorias/{id:int}")]
    public async Task<IActionResult> Rename(int id, string? name, CancellationToken ct)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return NotFound();
        }
        if (await ProblemAsync(name, id, ct) is { } problem)
        {
            return await Refuse(problem, ct);
        }
        // The slug stays: it is in bookmarked storefront links.
        audit.Record("category.rename", $"category:{category.Id}", null, new { category.Name }, new { Name = name!.Trim() });
        category.Name = name.Trim();
        await db.SaveChangesAsync(ct);
        return LocalRedirect("/admin/categorias");
    }

    private async Task<string?> ProblemAsync(string? name, int? id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length is < 2 or > 80 || Slug.From(name).Length == 0)
        {
            return "Categories.NameInvalid";
        }
        var slug = Slug.From(name);
        var trimmed = name.Trim();
        return await db.Categories.AnyAsync(c => c.Id != id && (c.Slug == slug || c.Name == trimmed), ct) ? "Categories.NameTaken" : null;
    }

    private async Task<IActionResult> Refuse(string key, CancellationToken ct)
    {
        ModelState.AddModelError("", text[key]);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct));
    }
}
