using System.Net.Mail;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.TenantsAdmin;

/// <summary>
/// The new site's first administrator, as Orchard's setup asks for one: checked before the tenant is created (the
/// password rules are the host's, the same on every tenant), created in the new tenant once it is set up.
/// </summary>
internal static class SiteAdministrator
{
    public static async Task CheckAsync(TenantForm form, AdminRequest admin, UserManager<IdentityUser> users, FormErrors errors)
    {
        if (form.AdminUserName.Length == 0)
        {
            errors.Add("adminUserName", admin.T("The administrator's user name is required."));
        }

        if (!MailAddress.TryCreate(form.AdminEmail, out var address) || address.Address != form.AdminEmail)
        {
            errors.Add("adminEmail", admin.T("'{0}' is not an e-mail address.", form.AdminEmail));
        }

        var user = new IdentityUser { UserName = form.AdminUserName, Email = form.AdminEmail };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, form.AdminPassword);
            if (!result.Succeeded)
            {
                errors.Add("adminPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
                break;
            }
        }
    }

    public static async Task CreateAsync(TenantScopeFactory scopes, TenantSettings tenant, TenantForm form)
    {
        await using var scope = scopes.CreateScope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = form.AdminUserName, Email = form.AdminEmail, EmailConfirmed = true };
        var created = await users.CreateAsync(user, form.AdminPassword);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, DefaultRoles.Administrator);
        }

        if (!created.Succeeded)
        {
            throw new TenantValidationException("AdminUserName", string.Join(" ", created.Errors.Select(e => e.Description)));
        }
    }
}
