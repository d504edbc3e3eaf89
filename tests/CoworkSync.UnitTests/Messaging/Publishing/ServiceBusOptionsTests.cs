using CoworkSync.Messaging.Publishing;

namespace CoworkSync.UnitTests.Messaging.Publishing;

public sealed class ServiceBusOptionsTests
{
    [Theory]
    [InlineData("myns.servicebus.windows.net")]
    [InlineData("sb://myns.servicebus.windows.net/")]
    [InlineData("https://myns.servicebus.windows.net")]
    [InlineData(" myns.servicebus.windows.net ")]
    public void NamespaceHost_NamespaceWithOrWithoutScheme_IsTheHostName(string fullyQualifiedNamespace)
    {
        var options = new ServiceBusOptions { FullyQualifiedNamespace = fullyQualifiedNamespace, QueueName = "events" };

        Assert.Equal("myns.servicebus.windows.net", options.NamespaceHost());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a host")]
    [InlineData("Endpoint=sb://myns.servicebus.windows.net/;SharedAccessKeyName=x")]
    public void NamespaceHost_NotAHostName_Null(string fullyQualifiedNamespace)
    {
        Assert.Null(new ServiceBusOptions { FullyQualifiedNamespace = fullyQualifiedNamespace }.NamespaceHost());
    }
}
