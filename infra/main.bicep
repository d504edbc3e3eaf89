// CoworkSync in one resource group: the function app (an Azure Functions custom handler on Linux),
// its user-assigned identity, storage (host storage and state tables), Service Bus (the events
// queue), Key Vault (secrets), and Application Insights with Log Analytics.
//
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.bicepparam
//
// docs/deploy.md explains the parameters, the deployment of the package and the first configuration.

metadata description = 'CoworkSync: coworking memberships to WiFi access, on Azure Functions.'

@description('Short lowercase name the resource names start with (letters and digits, 3-11).')
@minLength(3)
@maxLength(11)
param baseName string = 'coworksync'

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('FlexConsumption (serverless, scale to zero, the default) or ElasticPremium (always-warm instances, for spaces that want RADIUS answers without a cold start).')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param hostingPlan string = 'FlexConsumption'

@description('Flex Consumption: memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param flexInstanceMemoryMB int = 2048

@description('Flex Consumption: the most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param flexMaximumInstanceCount int = 40

@description('Flex Consumption: instances kept warm for the HTTP functions (RADIUS answers without a cold start, billed at the always-ready baseline); 0 scales to zero.')
@minValue(0)
@maxValue(20)
param flexAlwaysReadyHttpInstances int = 0

@description('Elastic Premium: plan size (EP1: 1 vCPU, 3.5 GB).')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param premiumSku string = 'EP1'

@description('Elastic Premium: instances kept warm at all times.')
@minValue(1)
@maxValue(20)
param premiumAlwaysReadyInstances int = 1

@description('Elastic Premium: the most instances the plan scales out to.')
@minValue(1)
@maxValue(100)
param premiumMaximumInstances int = 3

@description('Storage replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param storageSku string = 'Standard_LRS'

@description('Name of the events queue.')
param eventsQueueName string = 'events'

@description('ISO 8601 duration for which Service Bus drops a message whose MessageId it has already seen (at most P7D).')
param duplicateDetectionWindow string = 'PT1H'

@description('ISO 8601 duration an event may wait in the queue before it is dead-lettered.')
param eventTimeToLive string = 'P7D'

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Daily Log Analytics ingestion cap in GB; -1 for none.')
param logDailyQuotaGb int = -1

@description('Object id of an operator (user or group) who may upload the package and write Key Vault secrets; empty to grant nothing.')
param operatorPrincipalId string = ''

@description('Kind of principal operatorPrincipalId names.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('SMTP server that sends members their WiFi credentials.')
param smtpHost string

@description('SMTP port (587 for STARTTLS, 465 for TLS on connect).')
param smtpPort int = 587

@description('SMTP transport security.')
@allowed([
  'Auto'
  'StartTls'
  'SslOnConnect'
  'None'
])
param smtpSecurity string = 'Auto'

@description('SMTP user name; empty when the server needs no login. Its password goes into Key Vault as the secret smtp-password.')
param smtpUserName string = ''

@description('Address the welcome emails come from.')
param emailSenderAddress string

@description('The WiFi network name (SSID) the welcome email tells members to join.')
param wifiNetworkName string = 'CoworkSync'

@description('Client id of the console\'s Microsoft Entra ID app registration, with the app roles Operator and Support (docs/deploy.md); empty: App Service authentication stays off and nobody can sign in to the console.')
param consoleClientId string = ''

@description('Tags for every resource.')
param tags object = {}

// The Functions host's functionTimeout in host.json is 5 minutes: a delivery holds its message lock
// that long (also the most Service Bus allows), so a message is not redelivered while it is handled.
var queueLockDuration = 'PT5M'

// Service Bus dead-letters a message after this many deliveries; the app's own retries (scheduled
// re-sends) come first, see EventProcessing__MaxAttempts.
var queueMaxDeliveryCount = 10

var deploymentContainerName = 'app-package'
var packageBlobName = 'coworksync.zip'

var suffix = uniqueString(resourceGroup().id)
var names = {
  identity: 'id-${baseName}-${suffix}'
  workspace: 'log-${baseName}-${suffix}'
  appInsights: 'appi-${baseName}-${suffix}'
  storage: take('st${toLower(replace(baseName, '-', ''))}${suffix}', 24)
  serviceBus: 'sb-${baseName}-${suffix}'
  keyVault: take('kv-${baseName}-${suffix}', 24)
  plan: 'plan-${baseName}-${suffix}'
  functionApp: 'func-${baseName}-${suffix}'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.identity
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionInDays
    dailyQuotaGb: logDailyQuotaGb
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    name: names.storage
    skuName: storageSku
    deploymentContainerName: deploymentContainerName
  }
}

module serviceBus 'modules/service-bus.bicep' = {
  name: 'service-bus'
  params: {
    location: location
    tags: tags
    namespaceName: names.serviceBus
    queueName: eventsQueueName
    maxDeliveryCount: queueMaxDeliveryCount
    duplicateDetectionWindow: duplicateDetectionWindow
    messageTimeToLive: eventTimeToLive
    lockDuration: queueLockDuration
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    tags: tags
    name: names.keyVault
    softDeleteRetentionInDays: 90
  }
}

module roles 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  params: {
    appIdentityId: identity.id
    appPrincipalId: identity.properties.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
    // Names known before deployment (not module outputs) keep What-If precise; hence dependsOn.
    storageAccountName: names.storage
    deploymentContainerName: deploymentContainerName
    serviceBusNamespaceName: names.serviceBus
    keyVaultName: names.keyVault
    appInsightsName: names.appInsights
  }
  dependsOn: [
    storage
    serviceBus
    keyVault
    monitoring
  ]
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    location: location
    tags: tags
    name: names.functionApp
    planName: names.plan
    hostingPlan: hostingPlan
    flexInstanceMemoryMB: flexInstanceMemoryMB
    flexMaximumInstanceCount: flexMaximumInstanceCount
    flexAlwaysReadyHttpInstances: flexAlwaysReadyHttpInstances
    premiumSku: premiumSku
    premiumAlwaysReadyInstances: premiumAlwaysReadyInstances
    premiumMaximumInstances: premiumMaximumInstances
    identityId: identity.id
    identityClientId: identity.properties.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    packageBlobName: packageBlobName
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpSecurity: smtpSecurity
    smtpUserName: smtpUserName
    emailSenderAddress: emailSenderAddress
    wifiNetworkName: wifiNetworkName
    serviceBusNamespaceHost: serviceBus.outputs.fullyQualifiedNamespace
    eventsQueueName: serviceBus.outputs.queueName
    keyVaultUri: keyVault.outputs.uri
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    consoleClientId: consoleClientId
  }
  // The host starts as soon as the app exists; with its roles in place it can reach storage at once.
  dependsOn: [
    roles
  ]
}

var baseUrl = 'https://${functionApp.outputs.defaultHostName}'

@description('Name of the function app (for az functionapp commands).')
output functionAppName string = functionApp.outputs.name

@description('Base URL of the function app.')
output functionAppUrl string = baseUrl

@description('Webhook URL to register at Coworks, one per connector: replace {connectorId}.')
output coworksWebhookUrlPattern string = '${baseUrl}/api/webhooks/coworks/{connectorId}'

@description('Callback URL for Cobot webhook subscriptions: replace {connectorId} and {callbackToken}.')
output cobotWebhookUrlPattern string = '${baseUrl}/api/webhooks/cobot/{connectorId}/{callbackToken}'

@description('Where FreeRADIUS (rlm_rest) sends authorize and accounting requests.')
output radiusBaseUrl string = '${baseUrl}/api/radius'

@description('The console (operators and support staff sign in with Microsoft Entra ID).')
output consoleUrl string = '${baseUrl}/console'

@description('Redirect URI to register on the console\'s app registration (platform Web).')
output consoleRedirectUri string = '${baseUrl}/.auth/login/aad/callback'

@description('Whether App Service authentication is on, so the console can sign anyone in (consoleClientId was given).')
output consoleSignInEnabled bool = functionApp.outputs.consoleSignInEnabled

@description('Where the deployment package goes: the container (Flex Consumption) or the blob (Elastic Premium).')
output packageUploadUrl string = functionApp.outputs.packageUrl

@description('Storage account name (host storage and state tables).')
output storageAccountName string = storage.outputs.name

@description('Key Vault name (connector secrets).')
output keyVaultName string = keyVault.outputs.name

@description('Service Bus namespace name.')
output serviceBusNamespaceName string = serviceBus.outputs.namespaceName

@description('Client id of the app\'s user-assigned identity.')
output identityClientId string = identity.properties.clientId
