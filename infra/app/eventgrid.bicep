// Event Grid system topic over the storage account. The subscription that pushes BlobCreated
// events for the `reports` container to the blob trigger's webhook is created after deployment
// by infra/scripts/postdeploy.sh, because its URL needs the host's blobs_extension key.
// The topic's system-assigned identity delivers undeliverable events to the dead-letter container.

@description('Name of the Event Grid system topic.')
param name string

@description('Azure region of the source storage account (a system topic must share it).')
param location string

@description('Tags applied to the system topic.')
param tags object

@description('Name of the storage account whose events the topic publishes.')
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
output principalId string = systemTopic.identity.principalId
