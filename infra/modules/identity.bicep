// The user-assigned managed identity AlignBot runs as: it is the bot's Microsoft App ID
// (Azure Bot msaAppType UserAssignedMSI), and the identity App Service uses to read Key Vault references.

@description('Name of the managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id, for App Service identity and the bot\'s msaAppMSIResourceId.')
output id string = identity.id

@description('Client id: the bot\'s MicrosoftAppId (and BOT_ID in the Teams manifest).')
output clientId string = identity.properties.clientId

@description('Object id of the identity\'s service principal, for role assignments.')
output principalId string = identity.properties.principalId

@description('Tenant of the identity: the bot\'s MicrosoftAppTenantId.')
output tenantId string = identity.properties.tenantId
