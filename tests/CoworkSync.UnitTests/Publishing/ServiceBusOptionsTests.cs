using CoworkSync.Publishing;

namespace CoworkSync.UnitTests.Publishing;

public sealed class ServiceBusOptionsTests
{
    [Theory]
    [InlineData("myns.servicebus.windows.net")]
    [InlineData("sb://myns.servicebus.windows.net/")]
    [InlineData("https://myns.servicebus.windows.net")]
    public void SendUri_NamespaceWithOrWithoutScheme_IsHttpsMessagesEndpoint(string fullyQualifiedNamespace)
    {
        var options = new ServiceBusOptions { FullyQualifiedNamespace = fullyQualifiedNamespace, QueueName = "events" };

        Assert.Equal("https://myns.servicebus.windows.net/events/messages?timeout=60", options.SendUri().AbsoluteUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a host")]
    [InlineData("Endpoint=sb://myns.servicebus.windows.net/;SharedAccessKeyName=x")]
    public void NamespaceHost_NotAHostName_Null(string fullyQualifiedNamespace)
    {
        Assert.Null(new ServiceBusOptions { FullyQualifiedNamespace = fullyQualifiedNamespace }.NamespaceHost());
    }

    [Fact]
    public void QueueUri_QueueNameNeedingEscapes_EscapesEachSegment()
    {
        var options = new ServiceBusOptions { FullyQualifiedNamespace = "myns.servicebus.windows.net", QueueName = "cowork sync/events" };

        Assert.Equal("https://myns.servicebus.windows.net/cowork%20sync/events", options.QueueUri().AbsoluteUri);
    }
}
