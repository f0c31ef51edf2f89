using System.Security.Cryptography;

namespace MedTour.Cms.Content;

/// <summary>New identifiers in Orchard's style: 26 lower-case base-32 characters.</summary>
public static class ContentIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[26];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[26];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }

        return new string(chars);
    }
}
