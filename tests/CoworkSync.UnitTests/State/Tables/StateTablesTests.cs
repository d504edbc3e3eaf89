using System.Net;
using System.Text;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.UnitTests.State.Tables;

public sealed class StateTablesTests
{
    [Fact]
    public async Task GetAsync_CreatesEachTableOnce_LaterCallsAskStorageNothing()
    {
        var storage = new CountingStorage();
        var tables = new StateTables(new TableServiceClient(
            new Uri("http://127.0.0.1:10002/devstoreaccount1"),
            new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])),
            new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(storage)), Retry = { MaxRetries = 0 } }));

        var usage = await tables.GetAsync(TableNames.Usage, CancellationToken.None);
        for (var i = 0; i < 3; i++)
            Assert.Same(usage, await tables.GetAsync(TableNames.Usage, CancellationToken.None));
        await tables.GetAsync(TableNames.Accounts, CancellationToken.None);
        await tables.GetAsync(TableNames.Accounts, CancellationToken.None);

        Assert.Equal(2, storage.Requests);
    }

    /// <summary>Answers every request as Table Storage answers the creation of a table that exists.</summary>
    private sealed class CountingStorage : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Conflict)
            {
                Content = new StringContent(
                    """{"odata.error":{"code":"TableAlreadyExists","message":{"lang":"en-US","value":"The table specified already exists."}}}""",
                    Encoding.UTF8,
                    "application/json"),
            });
        }
    }
}
