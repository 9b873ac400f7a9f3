// Every role assignment of the deployment, and only the roles that are needed.
// Names are guid(scope.id, principalId, roleId), so redeployments are idempotent.

@description('Name of the storage account the app uses for its host state and the pipeline data.')
param storageAccountName string

@description('Name of the blob container that receives Event Grid dead-lettered events.')
param deadLetterContainerName string

@description('Name of the Document Intelligence account.')
param documentIntelligenceName string

@description('Name of the Translator account.')
param translatorName string

@description('Name of the Azure OpenAI account.')
param openAiName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Principal (object) ID of the function app\'s user-assigned managed identity.')
param managedIdentityPrincipalId string

@description('Principal ID of the Event Grid system topic\'s identity, which writes dead-lettered events.')
param eventGridPrincipalId string

@description('Object ID of the deploying user or service principal, given the same data roles for local debugging when grantUserDataRoles is true.')
param userPrincipalId string = ''

@description('Give userPrincipalId the app\'s data roles (read every report, write every table). Off unless an operator asks: the deployer keeps no standing access to the evidence.')
param grantUserDataRoles bool = false

@description('Principal type of userPrincipalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param userPrincipalType string = 'User'

// Built-in role definition IDs (the same in every tenant).
var roles = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageBlobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  cognitiveServicesUser: 'a97b65f3-24c7-4388-baec-2e87135dc908'
  cognitiveServicesOpenAIUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// Blob Data Contributor: the Functions host (leases, secrets, deployment package), the blob trigger and the pipeline's
// containers; Owner would add managing ACLs and ownership, which nothing here does.
// Queue Data Contributor: the blob trigger's internal queues and its poison queue.
// Table Data Contributor: the pipeline's tables (Uploads, Submissions, Answers, Surveys, Credentials, Translations, Reviews).
// Blob Delegator: user-delegation keys for staff links and upload slots.
var storageRoleIds = [
  roles.storageBlobDataContributor
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
  roles.storageBlobDelegator
]

var assignUser = grantUserDataRoles && !empty(userPrincipalId)

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetterContainer 'containers' existing = {
      name: deadLetterContainerName
    }
  }
}

resource documentIntelligence 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: documentIntelligenceName
}

resource translator 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: translatorName
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: openAiName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// --- the function app's managed identity ---

resource appStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: {
    name: guid(storage.id, managedIdentityPrincipalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: managedIdentityPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appDocumentIntelligenceRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(documentIntelligence.id, managedIdentityPrincipalId, roles.cognitiveServicesUser)
  scope: documentIntelligence
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesUser)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Cognitive Services User on the Translator: translate the survey's excerpts with the app's identity.
resource appTranslatorRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(translator.id, managedIdentityPrincipalId, roles.cognitiveServicesUser)
  scope: translator
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesUser)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Cognitive Services OpenAI User: chat completions on the deployments, nothing more; for the app's identity only.
resource appOpenAiRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openAi.id, managedIdentityPrincipalId, roles.cognitiveServicesOpenAIUser)
  scope: openAi
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesOpenAIUser)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appMonitoringRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, managedIdentityPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// --- Event Grid: write dead-lettered events, to that one container only ---

resource eventGridDeadLetterRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::deadLetterContainer.id, eventGridPrincipalId, roles.storageBlobDataContributor)
  scope: storage::blobService::deadLetterContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: eventGridPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// --- optional: the deploying principal, for running the app locally against Azure ---

resource userStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: if (assignUser) {
    name: guid(storage.id, userPrincipalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: userPrincipalId
      principalType: userPrincipalType
    }
  }
]

resource userDocumentIntelligenceRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (assignUser) {
  name: guid(documentIntelligence.id, userPrincipalId, roles.cognitiveServicesUser)
  scope: documentIntelligence
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesUser)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

resource userTranslatorRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (assignUser) {
  name: guid(translator.id, userPrincipalId, roles.cognitiveServicesUser)
  scope: translator
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesUser)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

resource userMonitoringRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (assignUser) {
  name: guid(applicationInsights.id, userPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}
