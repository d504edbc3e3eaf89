// The hosting plan and the Linux function app that runs CoworkSync as a custom handler.
//
// FlexConsumption (default): runtime `custom` 1.0 in functionAppConfig; the platform runs the zip
// uploaded to the deployment container (`az functionapp deployment source config-zip` puts it
// there). ElasticPremium: always-warm instances; the app runs the package blob named by
// WEBSITE_RUN_FROM_PACKAGE, read with the app's identity, so no Azure Files share (which would need
// a storage key) is used.
//
// App settings are identity-based only. They are grouped in three objects whose keys the tests
// compare with the app's catalog of settings (functions/Hosting/AppSettingCatalog.cs).

@description('Azure region of the resources.')
param location string

@description('Tags for every resource.')
param tags object

@description('Name of the function app (also its host name prefix).')
param name string

@description('Name of the hosting plan.')
param planName string

@description('FlexConsumption (serverless, scale to zero) or ElasticPremium (always-warm instances).')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param hostingPlan string

@description('Flex Consumption: memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param flexInstanceMemoryMB int

@description('Flex Consumption: the most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param flexMaximumInstanceCount int

@description('Flex Consumption: instances kept warm for the HTTP functions (webhooks, RADIUS, admin); 0 scales to zero.')
@minValue(0)
@maxValue(20)
param flexAlwaysReadyHttpInstances int

@description('Elastic Premium: plan size.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param premiumSku string

@description('Elastic Premium: instances kept warm at all times (billed around the clock).')
@minValue(1)
@maxValue(20)
param premiumAlwaysReadyInstances int

@description('Elastic Premium: the most instances the plan scales out to.')
@minValue(1)
@maxValue(100)
param premiumMaximumInstances int

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('Storage endpoints (https://<account>.<service>.core.windows.net/).')
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Blob name of the package in that container (Elastic Premium runs it from there).')
param packageBlobName string

@description('Host name of the Service Bus namespace.')
param serviceBusNamespaceHost string

@description('Name of the events queue.')
param eventsQueueName string

@description('URI of the Key Vault.')
param keyVaultUri string

@description('Application Insights connection string (identifies the component; ingestion needs Entra ID).')
param appInsightsConnectionString string

@description('SMTP server for the welcome emails.')
param smtpHost string

@description('SMTP port.')
param smtpPort int

@description('SMTP transport security: Auto, StartTls, SslOnConnect or None.')
param smtpSecurity string

@description('SMTP user name; empty for a server without login.')
param smtpUserName string

@description('Sender address of the welcome emails.')
param emailSenderAddress string

@description('WiFi network name (SSID) given in the welcome email.')
param wifiNetworkName string

@description('Client id of the console\'s Microsoft Entra ID app registration; empty leaves App Service authentication off (nobody can sign in to the console).')
param consoleClientId string

var isFlex = hostingPlan == 'FlexConsumption'
var deploymentContainerUrl = '${blobEndpoint}${deploymentContainerName}'

// Settings for both plans: host storage, monitoring, the Service Bus connection of the triggers,
// and what CoworkSync reads (CoworkSyncServices.cs).
var commonAppSettings = {
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  ServiceBusConnection__fullyQualifiedNamespace: serviceBusNamespaceHost
  ServiceBusConnection__credential: 'managedidentity'
  ServiceBusConnection__clientId: identityClientId
  EventsQueueName: eventsQueueName
  Storage__TableServiceUri: tableEndpoint
  KeyVault__VaultUri: keyVaultUri
  AZURE_CLIENT_ID: identityClientId
  Email__SmtpHost: smtpHost
  Email__SmtpPort: string(smtpPort)
  Email__SmtpSecurity: smtpSecurity
  Email__SenderAddress: emailSenderAddress
  Email__NetworkName: wifiNetworkName
  // The app logs in only when a user name is set; the password is a Key Vault reference resolved with the app's identity.
  Email__SmtpUserName: smtpUserName
  Email__SmtpPassword: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/smtp-password/)'
}

// Flex Consumption takes the runtime and the package from functionAppConfig; it rejects
// FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE.
var flexAppSettings = {}

var premiumAppSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'custom'
  WEBSITE_RUN_FROM_PACKAGE: '${deploymentContainerUrl}/${packageBlobName}'
  WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: identityId
}

var appSettings = union(commonAppSettings, isFlex ? flexAppSettings : premiumAppSettings)

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex
    ? {
        name: 'FC1'
        tier: 'FlexConsumption'
      }
    : {
        name: premiumSku
        tier: 'ElasticPremium'
      }
  properties: {
    reserved: true
    maximumElasticWorkerCount: isFlex ? null : premiumMaximumInstances
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      linuxFxVersion: isFlex ? null : ''
      minimumElasticInstanceCount: isFlex ? null : premiumAlwaysReadyInstances
      appSettings: [
        for setting in items(appSettings): {
          name: setting.key
          value: setting.value
        }
      ]
    }
    functionAppConfig: isFlex
      ? {
          runtime: {
            name: 'custom'
            version: '1.0'
          }
          deployment: {
            storage: {
              type: 'blobContainer'
              value: deploymentContainerUrl
              authentication: {
                type: 'UserAssignedIdentity'
                userAssignedIdentityResourceId: identityId
              }
            }
          }
          scaleAndConcurrency: {
            instanceMemoryMB: flexInstanceMemoryMB
            maximumInstanceCount: flexMaximumInstanceCount
            alwaysReady: flexAlwaysReadyHttpInstances > 0
              ? [
                  {
                    name: 'http'
                    instanceCount: flexAlwaysReadyHttpInstances
                  }
                ]
              : []
          }
        }
      : null
  }
}

// App Service authentication (Microsoft Entra ID) in front of the app, for the console. Unauthenticated requests go
// through untouched (webhooks, RADIUS and the admin API have their own checks); the console itself requires the
// principal the platform injects (X-MS-CLIENT-PRINCIPAL, with the app roles Operator and Support). No client secret:
// sign-in uses the OpenID Connect implicit flow, which returns the ID token (with its roles) only.
resource authentication 'Microsoft.Web/sites/config@2024-11-01' = if (!empty(consoleClientId)) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: consoleClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
      cookieExpiration: {
        convention: 'FixedTime'
        timeToExpiration: '08:00:00'
      }
    }
  }
}

// Nobody deploys over FTP; deployments use Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output consoleSignInEnabled bool = !empty(consoleClientId)
output packageUrl string = isFlex ? deploymentContainerUrl : '${deploymentContainerUrl}/${packageBlobName}'
