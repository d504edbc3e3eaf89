// Parameters for a deployment on the Elastic Premium plan: one instance always warm, so RADIUS
// authorize requests never wait for a cold start. Costs more; see docs/deploy.md.
using 'main.bicep'

param baseName = 'coworksync'
param hostingPlan = 'ElasticPremium'
param premiumSku = 'EP1'
param premiumAlwaysReadyInstances = 1
param premiumMaximumInstances = 3
param storageSku = 'Standard_LRS'
param eventsQueueName = 'events'
param duplicateDetectionWindow = 'PT1H'
param eventTimeToLive = 'P7D'
param logRetentionInDays = 30
param logDailyQuotaGb = 1

// Your Entra object id (az ad signed-in-user show --query id -o tsv), so you can upload the package
// and write the first secrets; leave empty to manage access yourself.
param operatorPrincipalId = ''
param operatorPrincipalType = 'User'

// Welcome emails: your SMTP server and sender. With a login, put its password into Key Vault as the
// secret smtp-password after the deployment (docs/deploy.md).
param smtpHost = 'smtp.example.com'
param smtpPort = 587
param smtpSecurity = 'Auto'
param smtpUserName = ''
param emailSenderAddress = 'wifi@example.com'
param wifiNetworkName = 'CoworkSync'

// The console's Microsoft Entra ID app registration (its client id), with the app roles Operator and Support
// (docs/deploy.md); empty leaves the console without sign-in.
param consoleClientId = ''

param tags = {
  app: 'coworksync'
}
