using System.Security.Claims;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Versions.Regions;

/// <summary>
/// Users are per site, so a person who works on two regions has an account on each. The account that stands for the
/// signed-in user on another site is the one with the same user name <b>and</b> the same e-mail address there (both
/// compared as Identity normalizes them); an account without an e-mail never matches. What it may do there is what its
/// roles on that site allow. Stateless.
/// </summary>
public static class RegionAccounts
{
    /// <summary>The user's name and e-mail on this site, read from its account (null when it has no e-mail).</summary>
    public static async Task<(string UserName, string Email)?> IdentityOfAsync(IServiceProvider services, ClaimsPrincipal user)
    {
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var account = user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? await users.FindByIdAsync(id) : null;
        return account is { UserName: { } name, Email: { Length: > 0 } email } ? (name, email) : null;
    }

    /// <summary>The matching account on the site of <paramref name="services"/> as a principal its permission checks accept, or null.</summary>
    public static async Task<ClaimsPrincipal?> CounterpartAsync(IServiceProvider services, (string UserName, string Email) identity)
    {
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var account = await users.FindByNameAsync(identity.UserName);
        if (account?.NormalizedEmail is null || account.NormalizedEmail != users.NormalizeEmail(identity.Email))
        {
            return null;
        }

        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.UserName!), new Claim(ClaimTypes.NameIdentifier, account.Id)], "RegionCounterpart"));
    }

    /// <summary>May the matching account on that site do <paramref name="verb"/> to an item of the type (owned by <paramref name="owner"/>)?</summary>
    public static async Task<bool> CanAsync(IServiceProvider services, (string UserName, string Email) identity, ContentVerb verb, string contentType, string? owner)
    {
        var counterpart = await CounterpartAsync(services, identity);
        return counterpart is not null
            && await services.GetRequiredService<UserPermissions>().CanAsync(counterpart, verb, contentType, owner);
    }
}
