using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// Coworks' webhook signature: header <c>X-Coworks-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where each
/// <c>v1</c> is HMAC-SHA256, keyed with a webhook secret, over the bytes <c>&lt;t&gt;.&lt;raw body&gt;</c>. Several
/// <c>v1</c> values may be present (Coworks rotating its secret) and several secrets may be valid (ours rotating).
/// </summary>
public static class CoworksSignature
{
    public const string HeaderName = "X-Coworks-Signature";

    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(300);

    /// <summary>More <c>v1</c> values than this make the header malformed: no real rotation needs them.</summary>
    private const int MaxSignatures = 8;

    private const int SignatureBytes = 32;

    private const int MaxTimestampDigits = 18;

    /// <summary>
    /// Checks <paramref name="header"/> against the raw body bytes, before anything parses them. Signatures are
    /// compared in constant time; hex digits may be lower or upper case.
    /// </summary>
    /// <param name="rawBody">The request body's bytes, exactly as received.</param>
    /// <param name="header">The signature header's value; null when the request has none.</param>
    /// <param name="secrets">Every secret currently valid (e.g. the current one and, during a rotation, the previous one).</param>
    /// <param name="now">The current time, which the header's timestamp is compared with.</param>
    /// <param name="tolerance">How far the timestamp may be from <paramref name="now"/>, either way.</param>
    /// <exception cref="ArgumentException"><paramref name="secrets"/> holds no non-empty secret.</exception>
    public static CoworksSignatureResult Verify(ReadOnlySpan<byte> rawBody, string? header, IReadOnlyList<string> secrets, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        if (!secrets.Any(secret => !string.IsNullOrEmpty(secret)))
            throw new ArgumentException("At least one webhook secret is needed to verify a signature.", nameof(secrets));

        if (string.IsNullOrWhiteSpace(header))
            return CoworksSignatureResult.Missing;

        Span<byte> signatures = stackalloc byte[MaxSignatures * SignatureBytes];
        if (!TryParseHeader(header, signatures, out var timestampRange, out var timestamp, out var count))
            return CoworksSignatureResult.Malformed;

        var age = now.ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(age) > (long)Math.Floor(tolerance.TotalSeconds))
            return CoworksSignatureResult.Stale;

        var timestampText = header.AsSpan()[timestampRange];
        Span<byte> expected = stackalloc byte[SignatureBytes];
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
                continue;
            ComputeSignature(rawBody, timestampText, secret, expected);
            for (var i = 0; i < count; i++)
            {
                if (CryptographicOperations.FixedTimeEquals(expected, signatures.Slice(i * SignatureBytes, SignatureBytes)))
                    return CoworksSignatureResult.Valid;
            }
        }

        return CoworksSignatureResult.Mismatch;
    }

    /// <summary>
    /// The header value Coworks would send for <paramref name="body"/> signed with <paramref name="secret"/> at
    /// <paramref name="timestamp"/>: <c>t=…,v1=…</c> (lowercase hex). For the simulator, tests and the docs' curl example.
    /// </summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Span<byte> signature = stackalloc byte[SignatureBytes];
        ComputeSignature(body, t, secret, signature);
        return $"t={t},v1={Convert.ToHexStringLower(signature)}";
    }

    /// <summary>
    /// Reads <c>t</c> (exactly once, digits only) and every <c>v1</c> (64 hex digits each, at least one). Other keys,
    /// such as a future <c>v2</c> scheme, are ignored; so are empty items and spaces around items.
    /// </summary>
    private static bool TryParseHeader(string header, Span<byte> signatures, out Range timestampRange, out long timestamp, out int count)
    {
        timestampRange = default;
        timestamp = -1;
        count = 0;
        var text = header.AsSpan();
        foreach (var itemRange in text.Split(','))
        {
            var item = text[itemRange];
            if (item.IsWhiteSpace())
                continue;
            var equals = item.IndexOf('=');
            if (equals < 0)
                return false;
            var key = item[..equals].Trim();
            var value = item[(equals + 1)..].Trim();
            if (key.SequenceEqual("t"))
            {
                if (timestamp >= 0 || value.Length is 0 or > MaxTimestampDigits
                    || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp))
                    return false;
                text.Overlaps(value, out var offset);
                timestampRange = new Range(offset, offset + value.Length);
            }
            else if (key.SequenceEqual("v1"))
            {
                if (count == MaxSignatures || value.Length != SignatureBytes * 2)
                    return false;
                var status = Convert.FromHexString(value, signatures.Slice(count * SignatureBytes, SignatureBytes), out _, out var written);
                if (status != OperationStatus.Done || written != SignatureBytes)
                    return false;
                count++;
            }
        }

        return timestamp >= 0 && count > 0;
    }

    private static void ComputeSignature(ReadOnlySpan<byte> body, ReadOnlySpan<char> timestamp, string secret, Span<byte> destination)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        try
        {
            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
            Span<byte> prefix = stackalloc byte[MaxTimestampDigits + 1];
            var length = Encoding.ASCII.GetBytes(timestamp, prefix);
            prefix[length] = (byte)'.';
            hmac.AppendData(prefix[..(length + 1)]);
            hmac.AppendData(body);
            hmac.GetHashAndReset(destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
