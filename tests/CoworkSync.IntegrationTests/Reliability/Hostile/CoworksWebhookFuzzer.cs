using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CoworkSync.Platforms.Coworks;

namespace CoworkSync.IntegrationTests.Reliability.Hostile;

/// <summary>One generated webhook request and what the fuzzer knows about it.</summary>
/// <param name="Kind">How it was made, for the failure message.</param>
/// <param name="SignedRight">The signature header is a valid signature of these exact bytes, fresh, with the connector's secret.</param>
/// <param name="EventId">The event id of a well-formed body signed right (it must be enqueued once); null otherwise.</param>
public sealed record FuzzedWebhook(string Kind, string Path, byte[] Body, IReadOnlyList<(string Name, string Value)> Headers, string? ContentType, bool SignedRight, string? EventId)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(Body) };
        if (ContentType is not null)
            request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        foreach (var (name, value) in Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
                request.Content.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }
}

/// <summary>
/// Generates Coworks webhook requests from a seed: well-formed signed ones (some sent twice), and mutations of the
/// signature header (missing, garbage, flipped, stale, future, wrong secret, many values), of the body after signing,
/// and of everything a sender controls (content types, encodings, sizes, duplicate keys, deep nesting, invalid UTF-8,
/// wrong types, another space, odd connector ids in the URL), signed right or not.
/// </summary>
public sealed class CoworksWebhookFuzzer(string connectorId, string spaceId, string secret, int seed)
{
    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=latin1", "", "*/*", "application/xml",
    ];

    private readonly Random _random = new(seed);
    private int _next;

    public FuzzedWebhook Next()
    {
        var n = Interlocked.Increment(ref _next);
        return _random.Next(20) switch
        {
            0 or 1 or 2 => Valid(n),
            3 => ValidBodyMutatedAfterSigning(n),
            4 => SignatureMutated(n),
            5 => SignatureGarbage(n),
            6 => SignedAtTheWrongTime(n),
            7 => SignedWithAnotherSecret(n),
            8 => SignedRight(n, "invalid JSON", Bytes(RandomText(_random.Next(1, 400)))),
            9 => SignedRight(n, "truncated JSON", Truncated(ValidBody(n))),
            10 => SignedRight(n, "deep nesting", DeepNesting(_random.Next(60, 20_000))),
            11 => SignedRight(n, "invalid UTF-8", InvalidUtf8(ValidBody(n))),
            12 => SignedRight(n, "wrong types", WrongTypes(n)),
            13 => DuplicateKeys(n),
            14 => SignedRight(n, "another space", Bytes(ValidJson(n, space: "spc_other"))),
            15 => SignedRight(n, "oversized", Oversized()),
            16 => UnsignedRandom(n),
            17 => SignedRight(n, "empty or null", Bytes(_random.Next(4) switch { 0 => "", 1 => "null", 2 => "{}", _ => "[]" })),
            18 => OddConnectorInUrl(n),
            _ => SignedRight(n, "missing data", Bytes($"{{\"id\":\"evt_fz_{n}\",\"type\":\"member.updated\",\"created_at\":\"{Now:O}\",\"space_id\":\"{spaceId}\"}}")),
        };
    }

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private string Path => $"/api/webhooks/coworks/{Uri.EscapeDataString(connectorId)}";

    private FuzzedWebhook Valid(int n)
    {
        var body = ValidBody(n);
        return new FuzzedWebhook("valid", Path, body, [(CoworksSignature.HeaderName, CoworksSignature.Sign(body, secret, Now))], PickContentType(json: true), true, $"evt_fz_{seed}_{n}");
    }

    private FuzzedWebhook ValidBodyMutatedAfterSigning(int n)
    {
        var body = ValidBody(n);
        var header = CoworksSignature.Sign(body, secret, Now);
        var mutated = (byte[])body.Clone();
        mutated[_random.Next(mutated.Length)] ^= (byte)(1 << _random.Next(8));
        return Unsigned("body changed after signing", mutated, header);
    }

    private FuzzedWebhook SignatureMutated(int n)
    {
        var body = ValidBody(n);
        var header = CoworksSignature.Sign(body, secret, Now).ToCharArray();
        var at = header.Length - 1 - _random.Next(64);
        header[at] = header[at] == 'a' ? 'b' : 'a';
        var text = new string(header);
        text = _random.Next(4) switch
        {
            0 => text.ToUpperInvariant(),
            1 => text.Replace(",", ", ", StringComparison.Ordinal) + ",v0=00",
            2 => text + ",v1=" + new string('f', 64),
            _ => text,
        };
        return Unsigned("signature flipped", body, text);
    }

    private FuzzedWebhook SignatureGarbage(int n)
    {
        var body = ValidBody(n);
        var t = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var header = _random.Next(10) switch
        {
            0 => "",
            1 => "t=,v1=",
            2 => $"t={t}",
            3 => $"v1={new string('0', 64)}",
            4 => $"t={t},v1={string.Concat(Enumerable.Repeat(new string('a', 64) + ",v1=", 50))}{new string('a', 64)}",
            5 => $"t=-{t},v1={new string('a', 64)}",
            6 => $"t=99999999999999999999999999,v1={new string('a', 64)}",
            7 => $"t={t},v1={new string('g', 64)}",
            8 => RandomText(_random.Next(1, 3000)),
            _ => $"t={t};v1={new string('a', 64)}",
        };
        return Unsigned("signature garbage", body, header);
    }

    private FuzzedWebhook SignedAtTheWrongTime(int n)
    {
        var body = ValidBody(n);
        var at = _random.Next(2) == 0 ? Now.AddMinutes(-_random.Next(6, 10_000)) : Now.AddMinutes(_random.Next(6, 10_000));
        return Unsigned("stale or future signature", body, CoworksSignature.Sign(body, secret, at));
    }

    private FuzzedWebhook SignedWithAnotherSecret(int n)
    {
        var body = ValidBody(n);
        var other = _random.Next(3) switch { 0 => secret + "x", 1 => secret[..^1], _ => "whsec_" + Guid.NewGuid().ToString("N") };
        return Unsigned("another secret", body, CoworksSignature.Sign(body, other, Now));
    }

    private FuzzedWebhook DuplicateKeys(int n)
    {
        // Signed right, so it may be taken (the last value of a key wins) or refused: never a 5xx, never twice.
        var json = $"{{\"id\":\"evt_fz_dup_a_{seed}_{n}\",\"id\":\"evt_fz_dup_b_{seed}_{n}\"," + ValidJson(n)[1..];
        var body = Bytes(json);
        return new FuzzedWebhook("duplicate keys", Path, body, [(CoworksSignature.HeaderName, CoworksSignature.Sign(body, secret, Now))], PickContentType(json: true), true, null);
    }

    private FuzzedWebhook UnsignedRandom(int n)
    {
        var body = _random.Next(2) == 0 ? ValidBody(n) : RandomBytes(_random.Next(0, 2000));
        var headers = new List<(string, string)>();
        for (var i = _random.Next(6); i > 0; i--)
            headers.Add((RandomHeaderName(), RandomText(_random.Next(0, 200)).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)));
        return new FuzzedWebhook("no signature, random headers", Path, body, headers, PickContentType(json: false), false, null);
    }

    private FuzzedWebhook OddConnectorInUrl(int n)
    {
        var body = ValidBody(n);
        var id = _random.Next(6) switch
        {
            0 => "../" + connectorId,
            1 => connectorId + "%2F..",
            2 => connectorId.ToUpperInvariant(),
            3 => new string('c', 2000),
            4 => "conn%01ector",
            _ => "évènement",
        };
        var path = id.Contains('%', StringComparison.Ordinal) || id.Contains('/', StringComparison.Ordinal) ? $"/api/webhooks/coworks/{id}" : $"/api/webhooks/coworks/{Uri.EscapeDataString(id)}";
        return new FuzzedWebhook("odd connector in the URL", path, body, [(CoworksSignature.HeaderName, CoworksSignature.Sign(body, secret, Now))], "application/json", false, null);
    }

    private FuzzedWebhook SignedRight(int n, string kind, byte[] body) =>
        new(kind, Path, body, [(CoworksSignature.HeaderName, CoworksSignature.Sign(body, secret, Now))], PickContentType(json: _random.Next(2) == 0), true, null);

    private FuzzedWebhook Unsigned(string kind, byte[] body, string header) =>
        new(kind, Path, body, [(CoworksSignature.HeaderName, header)], PickContentType(json: true), false, null);

    private byte[] ValidBody(int n) => Bytes(ValidJson(n));

    private string ValidJson(int n, string? space = null)
    {
        var member = $"mem_fz_{_random.Next(50):D2}";
        var created = Now.AddSeconds(-_random.Next(3600)).ToString("O", CultureInfo.InvariantCulture);
        var type = _random.Next(2) == 0 ? "member.created" : "member.updated";
        var status = _random.Next(4) == 0 ? "suspended" : "active";
        var extra = _random.Next(5) == 0 ? ",\"unknown_field\":{\"nested\":[1,2,{\"x\":null}]},\"note\":\"caf\\u00e9 \\ud83d\\ude00\"" : "";
        return $"{{\"id\":\"evt_fz_{seed}_{n}\",\"type\":\"{type}\",\"created_at\":\"{created}\",\"space_id\":\"{space ?? spaceId}\"{extra}," +
               $"\"data\":{{\"member\":{{\"id\":\"{member}\",\"first_name\":\"Fuzz\",\"last_name\":\"Member\",\"email\":\"{member}@fuzz.example\",\"status\":\"{status}\",\"location_id\":\"loc_1\",\"updated_at\":\"{created}\"}}," +
               $"\"membership\":{{\"id\":\"ms_{member}\",\"status\":\"active\",\"plan\":{{\"id\":\"pln_flex\",\"name\":\"Flex\"}},\"starts_on\":\"2026-11-01\",\"ends_on\":null,\"billing_cycle_anchor\":\"2026-11-01\"}}}}}}";
    }

    private byte[] WrongTypes(int n)
    {
        var json = ValidJson(n);
        return Bytes(_random.Next(5) switch
        {
            0 => json.Replace($"\"evt_fz_{seed}_{n}\"", "12345", StringComparison.Ordinal),
            1 => json.Replace("\"created_at\":\"", "\"created_at\":\"not a date ", StringComparison.Ordinal),
            2 => json.Replace("\"data\":{", "\"data\":[{", StringComparison.Ordinal).Replace("}}}", "}}]}", StringComparison.Ordinal),
            3 => json.Replace("\"status\":\"active\"", "\"status\":true", StringComparison.Ordinal),
            _ => json.Replace("\"member\":{", "\"member\":null,\"x\":{", StringComparison.Ordinal),
        });
    }

    private byte[] Truncated(byte[] body) => body[..Math.Max(0, _random.Next(body.Length))];

    private byte[] InvalidUtf8(byte[] body)
    {
        var mutated = body.ToList();
        var at = _random.Next(mutated.Count);
        mutated.InsertRange(at, _random.Next(3) switch { 0 => [0xC3], 1 => [0xFF, 0xFE], _ => [0xED, 0xA0, 0x80] });
        return [.. mutated];
    }

    private static byte[] DeepNesting(int depth) => Bytes(new string('[', depth) + new string(']', depth));

    private byte[] Oversized() => Bytes("{\"id\":\"evt_big\",\"pad\":\"" + new string('x', 256 * 1024 + _random.Next(1, 4096)) + "\"}");

    private string? PickContentType(bool json) => json ? "application/json" : _random.Next(12) switch
    {
        10 => null,
        11 => RandomText(30),
        var i => ContentTypes[i % ContentTypes.Length],
    };

    private string RandomHeaderName() => _random.Next(6) switch
    {
        0 => CoworksSignature.HeaderName,
        1 => "Content-Encoding",
        2 => "X-Forwarded-For",
        3 => "Transfer-Encoding",
        4 => "X-Coworks-Signature-Extra",
        _ => "X-" + RandomAscii(8),
    };

    private string RandomAscii(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)_random.Next('a', 'z' + 1))]);

    private string RandomText(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            builder.Append(_random.Next(10) == 0 ? (char)_random.Next(0x80, 0x2FFF) : (char)_random.Next(0x20, 0x7F));
        return builder.ToString();
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
