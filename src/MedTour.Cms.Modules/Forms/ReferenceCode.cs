using System.Security.Cryptography;

namespace MedTour.Cms.Modules.Forms;

/// <summary>
/// The short reference a patient quotes (<c>UA-7KQ4-2M</c>): the region's code, then six characters from an alphabet
/// without 0/O, 1/I/L or U, so it reads well over the phone. 31^6 ≈ 887 million codes per region; a clash is retried.
/// </summary>
public static class ReferenceCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(string region)
    {
        Span<char> code = stackalloc char[6];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{region}-{code[..4]}-{code[4..]}";
    }

    /// <summary>The tenant's code: its region's country (UA, US), else the first two letters of its name (EU for europe).</summary>
    public static string RegionOf(Tenancy.TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var code = tenant.Region?.CountryCode ?? (tenant.Name.Length >= 2 ? tenant.Name[..2] : "MT");
        return code.ToUpperInvariant();
    }
}
