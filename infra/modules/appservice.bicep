// App Service plan (Linux) and the web app that runs AlignBot.Host on .NET 10, as the user-assigned
// managed identity. Settings follow the Bot Framework names (MicrosoftAppType, MicrosoftAppId,
// MicrosoftAppTenantId); the connection string is a Key Vault reference, resolved with the same identity.

@description('App Service plan name.')
param planName string

@description('Web app name (globally unique; it becomes <name>.azurewebsites.net unless the region adds a suffix).')
param appName string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object = {}

@description('Plan SKU. B1 runs one instance; P0v3 or larger to run several behind the load balancer.')
param skuName string = 'B1'

@description('Number of instances. More than one needs PostgreSQL (it is) and a plan that scales out.')
@minValue(1)
param instanceCount int = 1

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the managed identity: the bot\'s MicrosoftAppId.')
param identityClientId string

@description('Tenant of the managed identity: the bot\'s MicrosoftAppTenantId.')
param identityTenantId string

@description('Versionless Key Vault secret URI of the database connection string.')
param connectionStringSecretUri string

@description('Storage provider AlignBot uses with that connection string.')
param storageProvider string = 'Postgres'

var canAlwaysOn = !contains([
  'F1'
  'D1'
], skuName)

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: canAlwaysOn // the outbox dispatcher and the scheduler run in the background
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        {
          // The repository's appsettings.json binds localhost:3978 for local runs; App Service forwards to 8080.
          name: 'Urls'
          value: 'http://+:8080'
        }
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: identityClientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: identityTenantId
        }
        {
          // Lets Azure.Identity (DefaultAzureCredential / ManagedIdentityCredential) pick this identity.
          name: 'AZURE_CLIENT_ID'
          value: identityClientId
        }
        {
          name: 'ConnectionStrings__AlignBot'
          value: '@Microsoft.KeyVault(SecretUri=${connectionStringSecretUri})'
        }
        {
          name: 'AlignBot__Storage__Provider'
          value: storageProvider
        }
        {
          name: 'AlignBot__AllowAnonymous'
          value: 'false'
        }
        {
          // glibc gives every busy thread a heap arena of its own (up to eight per CPU), and memory freed in one is not
          // reused by another: an idle bot's resident memory crept past 150 MB within minutes (151-152 MB five minutes
          // in; 143-149 MB with two). glibc reads this once, at process start, so it is set here, not from inside the app.
          name: 'MALLOC_ARENA_MAX'
          value: '2'
        }
      ]
    }
  }
}

@description('Web app name.')
output name string = site.name

@description('Host name that serves /api/messages (BOT_DOMAIN in the Teams manifest).')
output defaultHostName string = site.properties.defaultHostName
