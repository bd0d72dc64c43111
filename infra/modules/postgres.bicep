// Azure Database for PostgreSQL flexible server with AlignBot's database. AlignBot applies its EF Core
// migrations at start (AlignBot:Storage:MigrateOnStart), and Quartz runs clustered on the same database.

@description('Server name (3-63 lowercase letters, digits and hyphens; globally unique).')
@minLength(3)
@maxLength(63)
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object = {}

@description('Administrator login (not admin, root, azure_superuser, guest or public; not starting with pg_).')
param administratorLogin string

@description('Administrator password: 8-128 characters from three of: upper case, lower case, digits, symbols.')
@secure()
param administratorPassword string

@description('Database AlignBot uses.')
param databaseName string = 'alignbot'

@description('PostgreSQL major version.')
param version string = '16'

@description('Compute SKU, e.g. Standard_B1ms (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param skuName string = 'Standard_B1ms'

@description('Compute tier matching skuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string = 'Burstable'

@description('Storage in GiB (grows automatically).')
param storageSizeGB int = 32

@description('Days of point-in-time backups.')
@minValue(7)
@maxValue(35)
param backupRetentionDays int = 7

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// App Service's outbound addresses are only known after the web app exists and cannot drive a resource
// loop, so the server admits connections from Azure services (0.0.0.0). TLS and the password still apply;
// see infra/README.md for moving to VNet integration and private access.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

@description('Host name clients connect to.')
output fqdn string = server.properties.fullyQualifiedDomainName

@description('Name of AlignBot\'s database.')
output databaseName string = database.name
