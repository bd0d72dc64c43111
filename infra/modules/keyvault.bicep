// Key Vault holding AlignBot's secrets, with RBAC: the app's managed identity may read secrets
// (Key Vault Secrets User), so App Service can resolve @Microsoft.KeyVault(...) app settings.

@description('Vault name (3-24 letters, digits and hyphens; globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object = {}

@description('Object id of the managed identity that reads the secrets.')
param readerPrincipalId string

@description('Name of the secret holding the database connection string.')
param connectionStringSecretName string = 'alignbot-connection-string'

@description('The database connection string (ConnectionStrings:AlignBot).')
@secure()
param connectionString string

@description('Turn on purge protection (cannot be turned off again; a deleted vault then keeps its name for the retention period).')
param enablePurgeProtection bool = true

// Built-in role "Key Vault Secrets User": read secret contents.
var keyVaultSecretsUserRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource connectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: connectionStringSecretName
  properties: {
    value: connectionString
    contentType: 'Npgsql connection string'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: keyVaultSecretsUserRoleId
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('Vault name.')
output name string = vault.name

@description('Versionless URI of the connection string secret: App Service picks up a new version by itself.')
output connectionStringSecretUri string = connectionStringSecret.properties.secretUri

@description('Id of the role assignment, so that consumers can wait for it.')
output secretsUserAssignmentId string = secretsUser.id
