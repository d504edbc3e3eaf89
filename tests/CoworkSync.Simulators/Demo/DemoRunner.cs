using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CoworkSync.Simulators.Coworks;

namespace CoworkSync.Simulators.Demo;

/// <summary>
/// The demo: serves the demo Coworks space on a loopback port, connects it to a running CoworkSync, sends every
/// member's webhook, waits until each member's account is as the space says (and its welcome email written),
/// suspends one member on the first run, prints the members and what to try next, then serves the space until
/// stopped. Running it again changes nothing: same members, same event ids, accounts already there.
/// </summary>
public sealed class DemoRunner(DemoOptions options, TextWriter output, TextWriter error, TimeProvider time)
{
    /// <summary>Printed once the demo is set up; scripts and tests wait for it.</summary>
    public const string ReadyLine = "The demo is ready.";

    /// <summary>The reason of the demo's dead letter: the platform refused a request (a permanent failure).</summary>
    public const string DeadLetterReason = "PlatformRefused";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private string _waitingFor = "CoworkSync's function key";

    /// <returns>0 when stopped after a successful setup; 1 when the setup failed (with one line on the error writer).</returns>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        DemoSpaceState state;
        bool created;
        try
        {
            state = DemoSpaceState.LoadOrCreate(options.StateDirectory, time, out created);
            state.Save(options.StateDirectory);
        }
        catch (InvalidDataException e)
        {
            return Fail(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"the demo space's state in {options.StateDirectory} cannot be read or written ({e.Message}); " +
                "make that folder yours and writable, or choose another data folder with COWORKSYNC_DATA_DIR.");
        }

        CoworksSimulator coworks;
        try
        {
            coworks = await CoworksSimulator.StartAsync(options.Port);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            return Fail($"the demo space cannot listen on 127.0.0.1:{options.Port} ({e.Message}); " +
                "stop what listens there, or choose another port with COWORKSYNC_DEMO_PORT.");
        }
        await using (coworks)
            return await ServeAsync(coworks, state, created, stop);
    }

    private async Task<int> ServeAsync(CoworksSimulator coworks, DemoSpaceState state, bool created, CancellationToken stop)
    {
        var space = coworks.AddSpace(DemoCast.SpaceId, state.ApiKey);
        foreach (var plan in DemoCast.Plans)
            space.AddPlan(plan.Id, plan.Name);
        space.AddMembers(state.Members);
        output.WriteLine(created
            ? $"Demo Coworks space: {state.Members.Count} new members, serving the Coworks API on {coworks.BaseUrl} (state: {options.StateDirectory})"
            : $"Demo Coworks space: the {state.Members.Count} members of the last run, serving the Coworks API on {coworks.BaseUrl} (state: {options.StateDirectory})");

        using var setup = CancellationTokenSource.CreateLinkedTokenSource(stop);
        setup.CancelAfter(options.SetupTimeout);
        try
        {
            var key = await FunctionKeyAsync(setup.Token);
            using var admin = new CoworkSyncAdminClient(options.AppUrl, key);
            await WaitUntilHealthyAsync(admin, setup.Token);
            await DemoConnector.ConnectAsync(admin, options.ConnectorId, coworks.BaseUrl, state, setup.Token);
            output.WriteLine($"Connected the demo space to CoworkSync as connector '{options.ConnectorId}' (plans: Flex, Full-time, Dedicated; Virtual without WiFi)");

            await DeliverAsync(admin, state, state.Members, setup.Token);
            await WaitForAccountsAsync(admin, state.Members, setup.Token);

            var member = state.Member(DemoCast.SuspendedMemberId);
            if (member.Status != "suspended")
            {
                var suspended = space.UpdateMember(member.Id, m => m with { Status = "suspended" });
                state = state.With(suspended);
                state.Save(options.StateDirectory);
                output.WriteLine($"Suspending {suspended.FirstName} {suspended.LastName} in the demo space (Coworks sends member.updated)");
                await DeliverAsync(admin, state, [suspended], setup.Token);
                await WaitForAccountsAsync(admin, [suspended], setup.Token);
            }

            var deadLetter = created ? await SeedDeadLetterAsync(admin, coworks, setup.Token) : null;

            var members = new List<JsonElement>();
            foreach (var m in state.Members)
                members.Add(await admin.MemberAsync(options.ConnectorId, m.Id, setup.Token) ?? default);
            DemoReport.PrintMembers(output, members);
            new NextSteps(options, state, output, time).Print(deadLetter);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        catch (OperationCanceledException)
        {
            return Fail($"the demo was not set up within {options.SetupTimeout.TotalSeconds:0} s: still waiting for {_waitingFor}. See CoworkSync's log.");
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Fail($"setting up the demo failed: {e.Message}");
        }

        output.WriteLine(ReadyLine);
        output.Flush();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, stop);
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }

    /// <summary>
    /// One dead letter for support to replay (first run only): the demo space refuses the next Coworks API request once
    /// (403, a permanent failure), so the sync the demo starts is dead-lettered as <c>PlatformRefused</c>; a replay then
    /// runs that sync again, and it succeeds.
    /// </summary>
    /// <returns>The dead letter's id.</returns>
    private async Task<string> SeedDeadLetterAsync(CoworkSyncAdminClient admin, CoworksSimulator coworks, CancellationToken cancellationToken)
    {
        coworks.FailNext(1, HttpStatusCode.Forbidden);
        await admin.PostAsync($"/api/admin/connectors/{Uri.EscapeDataString(options.ConnectorId)}/sync", cancellationToken);
        _waitingFor = "the sync the demo space refused to be dead-lettered";
        while (true)
        {
            if (await admin.OpenDeadLetterAsync(options.ConnectorId, DeadLetterReason, cancellationToken) is { } id)
            {
                output.WriteLine($"The demo space refused one Coworks API request (403), so a sync was dead-lettered ({DeadLetterReason}): {id}");
                return id;
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private int Fail(string message)
    {
        error.WriteLine("error: " + message);
        error.Flush();
        return 1;
    }

    private async Task<string> FunctionKeyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (File.Exists(options.FunctionKeyFile) && (await File.ReadAllTextAsync(options.FunctionKeyFile, cancellationToken)).Trim() is { Length: > 0 } key)
                return key;
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task WaitUntilHealthyAsync(CoworkSyncAdminClient admin, CancellationToken cancellationToken)
    {
        _waitingFor = $"{options.AppUrl}api/health to answer 200";
        while (!await admin.IsHealthyAsync(cancellationToken))
            await Task.Delay(PollInterval, cancellationToken);
    }

    private async Task DeliverAsync(CoworkSyncAdminClient admin, DemoSpaceState state, IReadOnlyList<SimulatedMember> members, CancellationToken cancellationToken)
    {
        int accepted = 0, repeated = 0;
        foreach (var member in members)
        {
            var status = await admin.SendWebhookAsync(options.ConnectorId, DemoWebhooks.For(member, state.WebhookSecret, time.GetUtcNow()), cancellationToken);
            if (status == HttpStatusCode.Accepted)
                accepted++;
            else
                repeated++;
        }
        output.WriteLine($"Sent {members.Count} signed webhook(s): {accepted} accepted (202), {repeated} already accepted before (200)");
    }

    private async Task WaitForAccountsAsync(CoworkSyncAdminClient admin, IReadOnlyList<SimulatedMember> members, CancellationToken cancellationToken)
    {
        var pending = members.Select(DemoExpectation.For).ToList();
        output.WriteLine($"Waiting until CoworkSync has applied them ({pending.Count} member(s))…");
        while (true)
        {
            var done = new List<DemoExpectation>();
            foreach (var expectation in pending)
            {
                if (await admin.MemberAsync(options.ConnectorId, expectation.MemberId, cancellationToken) is { } member && expectation.IsMetBy(member))
                    done.Add(expectation);
            }
            pending.RemoveAll(done.Contains);
            if (pending.Count == 0)
                return;
            _waitingFor = "the accounts of " + string.Join(", ", pending.Select(p => p.MemberId));
            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
