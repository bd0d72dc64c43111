// The Azure Bot resource: registers AlignBot's messaging endpoint with the Bot Framework under the
// user-assigned managed identity, and turns on the Microsoft Teams channel.

@description('Bot handle (2-64 characters; globally unique).')
@minLength(2)
@maxLength(64)
param name string

@description('Name shown for the bot.')
param displayName string = 'AlignBot'

@description('Messaging endpoint, https://<app host>/api/messages.')
param endpoint string

@description('F0 (free, standard channels such as Teams are not metered) or S1.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the managed identity: the bot\'s app id.')
param identityClientId string

@description('Tenant of the managed identity.')
param identityTenantId string

@description('Tags for the resources.')
param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppTenantId: identityTenantId
    msaAppMSIResourceId: identityId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('Bot resource name.')
output name string = bot.name

@description('The messaging endpoint the Bot Framework calls.')
output endpoint string = bot.properties.endpoint
