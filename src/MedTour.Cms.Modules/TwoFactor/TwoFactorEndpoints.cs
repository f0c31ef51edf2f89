using System.Globalization;
using System.Text;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace MedTour.Cms.Modules.TwoFactor;

/// <summary>The handlers of <c>/admin/two-factor</c>: the signed-in user's own authenticator, never another's.</summary>
internal static class TwoFactorEndpoints
{
    private const int RecoveryCodeCount = 10;

    public static async Task<IResult> ShowAsync(HttpContext http, AdminRequest admin, UserManager<IdentityUser> users) =>
        await users.GetUserAsync(http.User) is { } user ? await PageAsync(admin, users, user, null, StatusCodes.Status200OK) : Results.Forbid();

    public static async Task<IResult> EnableAsync(HttpContext http, AdminRequest admin, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return Results.Forbid();
        }

        var code = new string((await http.Request.ReadFormAsync())["code"].ToString().Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6)
        {
            return await PageAsync(admin, users, user, new FormErrors().Add("code", admin.T("Enter the six digits your app shows.")), StatusCodes.Status400BadRequest);
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return await PageAsync(admin, users, user, new FormErrors().Add("code", admin.T("The code is not right. Check the app's clock and try the current code.")), StatusCodes.Status400BadRequest);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        // Enabling changes the security stamp; the session is renewed so this browser stays signed in.
        await signIn.RefreshSignInAsync(user);
        return RecoveryCodes(admin, admin.T("Two-factor sign-in is on. Keep these recovery codes somewhere safe: each signs you in once without the app. They are shown only now."), codes);
    }

    public static async Task<IResult> NewRecoveryCodesAsync(HttpContext http, AdminRequest admin, UserManager<IdentityUser> users)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return Results.Forbid();
        }

        if (!user.TwoFactorEnabled)
        {
            return await PageAsync(admin, users, user, new FormErrors().Add("code", admin.T("Turn two-factor sign-in on first.")), StatusCodes.Status400BadRequest);
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        return RecoveryCodes(admin, admin.T("New recovery codes; the old ones no longer work. They are shown only now."), codes);
    }

    public static async Task<IResult> DisableAsync(HttpContext http, AdminRequest admin, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return Results.Forbid();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key: the old one (and any phone that has it) is worth nothing if two-factor is turned on again.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return AdminResults.RedirectWithFlash(admin, TwoFactorModule.PagePath, admin.T("Two-factor sign-in is off."));
    }

    private static async Task<IResult> PageAsync(AdminRequest admin, UserManager<IdentityUser> users, IdentityUser user, FormErrors? errors, int status)
    {
        var parameters = new Dictionary<string, object?> { ["Enabled"] = user.TwoFactorEnabled, ["Errors"] = errors };
        if (user.TwoFactorEnabled)
        {
            parameters["RecoveryCodesLeft"] = await users.CountRecoveryCodesAsync(user);
        }
        else
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
            }

            var issuer = admin.Tenant.DisplayName ?? admin.Tenant.Name;
            var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.UserName ?? user.Id)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
            parameters["Key"] = Grouped(key);
            parameters["QrCode"] = "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.Q, 5));
        }

        return AdminResults.Page<TwoFactorPage>(parameters, status);
    }

    private static IResult RecoveryCodes(AdminRequest admin, string message, IEnumerable<string> codes) =>
        AdminResults.Page<RecoveryCodesPage>(new Dictionary<string, object?> { ["Message"] = message, ["Codes"] = codes.ToList() });

    /// <summary>The key in groups of four, lower case, as authenticator apps show it and people type it.</summary>
    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLower(CultureInfo.InvariantCulture);
    }
}
