// Key Vault for connector secrets, OAuth tokens and the WiFi password encryption key. Access by
// Azure RBAC only (no access policies); soft delete and purge protection keep a deleted secret
// recoverable, which the app's secret store relies on when a name is reused.

@description('Azure region of the resources.')
param location string

@description('Tags for every resource.')
param tags object

@description('Vault name: 3-24 letters, digits and dashes, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Days a deleted secret stays recoverable (7-90); cannot be changed after creation.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

output name string = vault.name

@description('The vault URI, e.g. https://kv-x.vault.azure.net/ (KeyVault__VaultUri).')
output uri string = vault.properties.vaultUri
