using System.Security.Cryptography;
using System.Text;

namespace MedTour.Cms.Modules.Graph;

/// <summary>The SHA-256 of a query document as lower-case hex: Apollo's persisted-query id, the allow-list key and the document cache key.</summary>
public static class DocumentHash
{
    public static string Of(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
}
