// AlignBot on Azure, in one resource group:
//   user-assigned managed identity (the bot's app id) -> PostgreSQL flexible server -> Key Vault with the
//   connection string, readable by the identity -> App Service (Linux, .NET 10) -> Azure Bot with Teams.
// Deploy with `az deployment group create` (infra/README.md).
targetScope = 'resourceGroup'

@description('Prefix for resource names: lowercase letters and digits, starting with a letter.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'alignbot'

@description('Azure region for everything but the bot (which is global).')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 runs one instance; P0v3 or larger to scale out.')
param appServicePlanSku string = 'B1'

@description('Web app instances.')
@minValue(1)
param appInstanceCount int = 1

@description('PostgreSQL administrator login; AlignBot connects with it.')
param postgresAdminLogin string = 'alignbot'

@description('PostgreSQL administrator password: 8-128 characters from three of upper case, lower case, digits, symbols.')
@secure()
@minLength(12)
param postgresAdminPassword string

@description('PostgreSQL compute SKU.')
param postgresSkuName string = 'Standard_B1ms'

@description('PostgreSQL compute tier matching postgresSkuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('Azure Bot pricing tier.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Turn on Key Vault purge protection (recommended for production; it cannot be turned off later).')
param keyVaultPurgeProtection bool = true

@description('Tags for every resource.')
param tags object = {
  app: 'AlignBot'
}

var suffix = uniqueString(resourceGroup().id)
var names = {
  identity: '${namePrefix}-id-${suffix}'
  postgres: '${namePrefix}-pg-${suffix}'
  keyVault: take('${namePrefix}kv${suffix}', 24)
  plan: '${namePrefix}-plan-${suffix}'
  app: '${namePrefix}-${suffix}'
  bot: '${namePrefix}-bot-${suffix}'
}
var databaseName = 'alignbot'

module identity 'modules/identity.bicep' = {
  name: 'alignbot-identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'alignbot-postgres'
  params: {
    name: names.postgres
    location: location
    tags: tags
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword
    databaseName: databaseName
    skuName: postgresSkuName
    skuTier: postgresSkuTier
  }
}

// Npgsql connection string; the password is quoted (a ' inside it is doubled) so that ; or = cannot break it.
var quotedPassword = '\'${replace(postgresAdminPassword, '\'', '\'\'')}\''

module keyVault 'modules/keyvault.bicep' = {
  name: 'alignbot-keyvault'
  params: {
    name: names.keyVault
    location: location
    tags: tags
    readerPrincipalId: identity.outputs.principalId
    connectionString: 'Host=${postgres.outputs.fqdn};Port=5432;Database=${postgres.outputs.databaseName};Username=${postgresAdminLogin};Password=${quotedPassword};SSL Mode=VerifyFull'
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module app 'modules/appservice.bicep' = {
  name: 'alignbot-app'
  params: {
    planName: names.plan
    appName: names.app
    location: location
    tags: tags
    skuName: appServicePlanSku
    instanceCount: appInstanceCount
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
    // Depends on the vault module, so the secret and the identity's read access exist before the app starts.
    connectionStringSecretUri: keyVault.outputs.connectionStringSecretUri
  }
}

module bot 'modules/bot.bicep' = {
  name: 'alignbot-bot'
  params: {
    name: names.bot
    endpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    sku: botSku
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
    tags: tags
  }
}

@description('Web app to deploy AlignBot.Host to.')
output webAppName string = app.outputs.name

@description('BOT_DOMAIN for manifest/teams/package.sh.')
output botDomain string = app.outputs.defaultHostName

@description('BOT_ID for manifest/teams/package.sh: the managed identity\'s client id, the bot\'s MicrosoftAppId.')
output botId string = identity.outputs.clientId

@description('The messaging endpoint registered with the Azure Bot.')
output messagingEndpoint string = bot.outputs.endpoint

@description('Azure Bot resource name.')
output botName string = bot.outputs.name

@description('Key Vault holding the connection string.')
output keyVaultName string = keyVault.outputs.name

@description('PostgreSQL server host name.')
output postgresHost string = postgres.outputs.fqdn
