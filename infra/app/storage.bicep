// The single storage account: Functions host state (AzureWebJobsStorage), the pipeline's
// containers and tables (PipelineStorage), and the Flex Consumption deployment package.
// Shared keys are off, so every caller uses Entra ID and staff links are user-delegation SAS.

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region for the storage account.')
param location string

@description('Tags applied to the storage account.')
param tags object

@description('Storage redundancy SKU.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string = 'Standard_LRS'

@description('Blob containers to create.')
param containerNames array

@description('Tables to create.')
param tableNames array

@description('Origins whose pages may PUT reports straight to an upload slot (the portal); CORS allows only that.')
param browserUploadOrigins array

@description('Days that deleted blobs and containers, and replaced versions of a blob, stay recoverable (soft delete, versioning).')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int = 7

@description('Container holding the copies of refused reports; a lifecycle rule deletes them after refusedRetentionDays.')
param quarantineContainerName string

@description('Days a refused report\'s copy is kept before the lifecycle rule deletes it (its ledger row and reason stay).')
@minValue(1)
@maxValue(3650)
param refusedRetentionDays int = 30

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    // The portal PUTs a report to its create-only slot from the browser: only PUT, with the two headers it sends
    // (BrowserUploads in the C# is the same rule, which serve sets on the local emulator).
    cors: {
      corsRules: [
        {
          allowedOrigins: browserUploadOrigins
          allowedMethods: [
            'PUT'
          ]
          allowedHeaders: [
            'x-ms-blob-type'
            'content-type'
          ]
          exposedHeaders: []
          maxAgeInSeconds: 3600
        }
      ]
    }
    // A report overwritten or deleted by mistake (or by a leaked identity) stays recoverable for the retention period.
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

// Refused reports are evidence of what was sent for a while, not forever: one leaked key could otherwise fill the account.
// Replaced versions go once their recovery window has passed.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-refused-reports'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${quarantineContainerName}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterCreationGreaterThan: refusedRetentionDays
                }
              }
              version: {
                delete: {
                  daysAfterCreationGreaterThan: refusedRetentionDays
                }
              }
            }
          }
        }
        {
          name: 'delete-replaced-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: softDeleteRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    containers
  ]
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
