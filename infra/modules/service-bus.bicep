// Service Bus namespace and the events queue. Standard tier: duplicate detection (by MessageId) is
// not available on Basic. Local (SAS) authentication is off; the app and the triggers use Entra ID.

@description('Azure region of the resources.')
param location string

@description('Tags for every resource.')
param tags object

@description('Namespace name: 6-50 letters, digits and dashes, globally unique.')
@minLength(6)
@maxLength(50)
param namespaceName string

@description('Name of the events queue (the app setting EventsQueueName).')
param queueName string

@description('Deliveries before Service Bus dead-letters a message; IngestDeadLetter records it for support staff.')
@minValue(1)
param maxDeliveryCount int

@description('ISO 8601 duration for which a repeated MessageId is dropped (at most 7 days).')
param duplicateDetectionWindow string

@description('ISO 8601 duration a message may wait; expired messages are dead-lettered, not lost.')
param messageTimeToLive string

@description('ISO 8601 lock duration: the host\'s functionTimeout (host.json), at most 5 minutes.')
param lockDuration string

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource queue 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: namespace
  name: queueName
  properties: {
    maxDeliveryCount: maxDeliveryCount
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    deadLetteringOnMessageExpiration: true
    defaultMessageTimeToLive: messageTimeToLive
    lockDuration: lockDuration
    requiresSession: false
    enablePartitioning: false
    maxSizeInMegabytes: 1024
  }
}

output namespaceName string = namespace.name
output queueName string = queue.name

@description('Host name of the namespace, e.g. sb-x.servicebus.windows.net (ServiceBusConnection__fullyQualifiedNamespace).')
output fullyQualifiedNamespace string = parseUri(namespace.properties.serviceBusEndpoint).host
