using System.Net;
using System.Net.Sockets;

namespace MedTour.Cms.Modules.Users;

/// <summary>Who tries to sign in: the site, the client's address and the user name typed.</summary>
public readonly record struct SignInAttempt(string Tenant, IPAddress? Address, string UserName)
{
    /// <summary>The address partition: IPv4 as is, IPv6 by its /64 (one host usually has a whole /64).</summary>
    public string AddressKey()
    {
        if (Address is null)
        {
            return "unknown";
        }

        var address = Address.IsIPv4MappedToIPv6 ? Address.MapToIPv4() : Address;
        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? Convert.ToHexString(address.GetAddressBytes(), 0, 8) + "::/64"
            : address.ToString();
    }

    /// <summary>The user-name partition, case-insensitive as Identity's look-up is, and of bounded length.</summary>
    public string UserNameKey()
    {
        var name = UserName.ToUpperInvariant();
        return Tenant.ToLowerInvariant() + "\n" + (name.Length > 256 ? name[..256] : name);
    }
}
