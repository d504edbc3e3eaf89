using System.Text;
using CoworkSync.BrowserTests.Console.Members;
using CoworkSync.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Console.Fuzz;

/// <summary>
/// The members and dead letters pages (and the admin API's explain) fed ids and texts with <c>/ \ # ?</c>, control
/// characters, markup and very long strings, many generated: every answer is a page or a 4xx with a reason, never a 5xx.
/// Requests go through the signed-in browser context's request API (its cookie, a form's antiforgery token), not a page.
/// </summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class ConsoleInputFuzzTests(ConsoleSite site)
{
    [Fact]
    public async Task GeneratedInputs_OnEveryMembersAndDeadLettersRoute_AreNeverAServerError()
    {
        var seeds = new MemberSeeds(site);
        var member = await seeds.ActiveAsync("fuzz", "Fuzz", "Tester");
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey, "Support");
        await page.GotoAsync("/console/dead-letters");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var api = page.APIRequest;
        var failures = new List<string>();
        var requests = 0;

        // Kestrel itself refuses a request line over its limit (414) and a path with a NUL in it (400), before any of
        // the app's code runs and without a body; the status is the whole reason then.
        async Task CheckAsync(string what, Task<IAPIResponse> sent, bool nulInPath = false)
        {
            var response = await sent;
            requests++;
            var body = await response.TextAsync();
            var refusedByServer = response.Status == 414 || (nulInPath && response.Status == 400);
            if (response.Status >= 500 || (response.Status >= 400 && body.Trim().Length == 0 && !refusedByServer))
                failures.Add($"{what}: {response.Status} {body[..Math.Min(body.Length, 200)]}");
        }

        string Q(string value) => Uri.EscapeDataString(value);
        var memberPage = $"/console/members/member?connector={ConsoleSite.CoworksConnector}&id={Q(member)}";
        foreach (var input in Inputs())
        {
            var label = Printable(input);
            await CheckAsync($"search q={label}", api.GetAsync($"/console/members?q={Q(input)}"));
            foreach (var by in new[] { "email", "id", "username", "name" })
                await CheckAsync($"search by {by} q={label}", api.GetAsync($"/console/members?q={Q(input)}&by={by}&connector={ConsoleSite.CoworksConnector}"));
            await CheckAsync($"search by/connector/after={label}", api.GetAsync($"/console/members?q=ada&by={Q(input)}&connector={Q(input)}&after={Q(input)}"));
            await CheckAsync($"member id={label}", api.GetAsync($"/console/members/member?connector={Q(input)}&id={Q(input)}"));
            await CheckAsync($"member id={label} of a real connector", api.GetAsync($"/console/members/member?connector={ConsoleSite.CoworksConnector}&id={Q(input)}"));
            await CheckAsync($"explain nas/at/device={label}", api.GetAsync($"{memberPage}&nas={Q(input)}&at={Q(input)}&device={Q(input)}"));
            await CheckAsync($"create account username={label}", api.PostAsync(memberPage, new()
            {
                Form = Form(api, ("__RequestVerificationToken", token!), ("_handler", "create-account"), ("AccountInput.Username", input)),
            }));
            await CheckAsync($"dead letters filters={label}", api.GetAsync(
                $"/console/dead-letters?connector={Q(input)}&reason={Q(input)}&type={Q(input)}&state={Q(input)}&from={Q(input)}&to={Q(input)}&continuationToken={Q(input)}"));
            await CheckAsync($"dead letter id={label}", api.GetAsync($"/console/dead-letters/detail?id={Q(input)}"));
            foreach (var confirmed in new[] { "", "yes" })
            {
                await CheckAsync($"confirm ids={label} confirmed={confirmed}", api.PostAsync("/console/dead-letters/confirm", new()
                {
                    Form = Form(api, ("__RequestVerificationToken", token!), ("_handler", "dead-letter-action"), ("action", "replay"), ("ids", input),
                        ("comment", input), ("confirmed", confirmed)),
                }));
            }
            await CheckAsync($"confirm action={label}", api.PostAsync("/console/dead-letters/confirm", new()
            {
                Form = Form(api, ("__RequestVerificationToken", token!), ("_handler", "dead-letter-action"), ("action", input), ("ids", input)),
            }));
            // An empty or dot segment never reaches the route (the path is normalized first): nothing of the console's answers it.
            if (input is "" or "." or "..")
                continue;
            await CheckAsync($"admin explain member={label}", api.PostAsync(
                $"/api/admin/connectors/{ConsoleSite.CoworksConnector}/members/{Q(input)}/explain", new()
                {
                    Headers = new Dictionary<string, string> { ["x-functions-key"] = ConsoleSite.AdminKey },
                    DataObject = new { nasIdentifier = input, at = input, callingStationId = input },
                }), nulInPath: input.Contains('\0', StringComparison.Ordinal));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed:" + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(30)));
        Assert.True(requests > 1000, $"only {requests} requests were made");

        // Signed out, none of these pages answers: the sign-in page does.
        await using var anonymous = await site.OpenAsync();
        foreach (var path in new[] { "/console/members?q=ada", memberPage, "/console/dead-letters", "/console/dead-letters/detail?id=x" })
        {
            var response = await anonymous.Page.APIRequest.GetAsync(path, new() { MaxRedirects = 0 });
            Assert.True(response.Status is 302 or 401 or 403, $"{path} answered {response.Status} without a sign-in");
        }
    }

    private static IFormData Form(IAPIRequestContext api, params (string Name, string Value)[] fields)
    {
        var form = api.CreateFormData();
        foreach (var (name, value) in fields)
            form.Append(name, value);
        return form;
    }

    /// <summary>Hand-picked troublemakers, then generated strings from a fixed seed (the same ones on every run).</summary>
    private static IEnumerable<string> Inputs()
    {
        string[] picked =
        [
            "", " ", "a/b", "a\\b", "a#b", "a?b", "a/b\\c#d?e", "/", "\\", "#", "?", "%", "%2F", "..", "../..", "'", "\"", "'' or ''=''",
            "PartitionKey eq 'x'", "<script>alert(1)</script>", "\u0000", "a\u0001b", "\r\n", "\t", "\u007f", "\u200b", "é", "Ölçü",
            "😀", "mem_1\u0000", new string('a', 300), new string('é', 2000), new string('/', 5000), new string('x', 20000),
        ];
        foreach (var text in picked)
            yield return text;

        var random = new Random(1313);
        const string pool = "abcXYZ019 -_.@/\\#?%&=+'\"<>{}[]|^~`:;,*!\u0000\u0001\u001f\u007f\u0085éßü😀\u200b";
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(pool);
        var pieces = new List<string>();
        while (elements.MoveNext())
            pieces.Add(elements.GetTextElement());
        for (var i = 0; i < 60; i++)
        {
            var length = random.Next(0, 5) == 0 ? random.Next(200, 3000) : random.Next(1, 40);
            var text = new StringBuilder(length);
            for (var j = 0; j < length; j++)
                text.Append(pieces[random.Next(pieces.Count)]);
            yield return text.ToString();
        }
    }

    private static string Printable(string input)
    {
        var shown = new StringBuilder();
        foreach (var c in input.Length > 40 ? input[..40] : input)
            shown.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        return (input.Length > 40 ? $"({input.Length} chars) " : "") + shown;
    }
}
