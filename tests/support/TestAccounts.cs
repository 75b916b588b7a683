using Market.Core.Accounts;
using Market.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Market.Tests.Support;

/// <summary>Accounts beyond the demo ones, with the demo password.</summary>
public static class TestAccounts
{
    public static async Task<string> CreateAsync(MarketHost host, string email, string name, string role, int? municipalityId = null, string? phone = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, MunicipalityId = municipalityId, PhoneNumber = phone };
        if (!(await users.CreateAsync(user, MarketHost.Password)).Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
        {
            throw new InvalidOperationException($"Could not create the test account {email}.");
        }
        return email;
    }

    /// <summary>Municipal staff of the municipality with that code.</summary>
    public static async Task<string> StaffAsync(MarketHost host, string municipalityCode)
    {
        string name;
        int id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var municipality = await scope.ServiceProvider.GetRequiredService<MarketDbContext>().Municipalities.SingleAsync(m => m.Code == municipalityCode);
            (name, id) = (municipality.Name, municipality.Id);
        }
        return await CreateAsync(host, $"alcaldia.{municipalityCode.ToLowerInvariant()}.{Guid.NewGuid():N}@demo.sv", "Alcaldía de " + name, Roles.MunicipalStaff, id);
    }
}
