using System.Security.Cryptography;

namespace MedTour.Cms.Modules.Users;

/// <summary>Random passwords shown once to an operator (the first administrator's, a reset one).</summary>
public static class GeneratedPassword
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 18);
        // Identity's default rules want a digit, an upper, a lower and a symbol.
        return new string(chars) + "-7aZ";
    }
}
