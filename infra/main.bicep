// ReportPipeline infrastructure for `azd up`, after the Azure-Samples
// functions-quickstart-dotnet-azd pattern (Flex Consumption, user-assigned identity, rbac.bicep).
// Plain resources are used instead of Azure Verified Modules: AVM modules come from a public
// registry that this project's build machines cannot reach, and `bicep build`/`bicep lint` must
// run offline in CI. Each module under app/ mirrors the AVM module it replaces.

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; seeds the unique resource token and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Primary Azure region for all resources; it must offer Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object ID of the deploying user or service principal (azd sets it); given the app\'s data roles only with grantDeployerDataRoles.')
param principalId string = ''

@description('Give principalId the app\'s storage and AI data roles, to run the CLI against Azure. Off by default: nobody keeps standing access to the reports.')
param grantDeployerDataRoles bool = false

@description('Days a deleted or overwritten blob stays recoverable (blob soft delete and versions).')
@minValue(1)
@maxValue(365)
param reportRetentionDays int = 30

@description('Days a refused report\'s copy in reports-quarantine is kept before a lifecycle rule deletes it; its ledger row and reason stay.')
@minValue(1)
@maxValue(3650)
param refusedRetentionDays int = 30

@description('Principal type of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Region for Document Intelligence when the primary region does not offer it; empty means the primary region.')
param documentIntelligenceLocation string = ''

@description('Region for Azure OpenAI when the primary region does not offer the model; empty means the primary region.')
param openAiLocation string = ''

@description('Chat model the AzureOpenAI extractor uses; small, current, with structured output.')
param openAiModelName string = 'gpt-4.1-mini'

@description('Version of openAiModelName.')
param openAiModelVersion string = '2025-04-14'

@description('Azure OpenAI deployment type.')
@allowed([
  'GlobalStandard'
  'Standard'
  'DataZoneStandard'
])
param openAiDeploymentType string = 'GlobalStandard'

@description('Azure OpenAI capacity in thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 100

@description('Six-field NCRONTAB (UTC) on which the Global Implementation Survey is compiled.')
param surveySchedule string = '0 0 2 * * *'

@description('Six-field NCRONTAB (UTC) on which blobs that no event delivered are found and ingested; before the survey compiles.')
param reconcileSchedule string = '0 30 1 * * *'

@description('Reporting periods open for upload slots and ingestion, comma-separated; a late report for any other period is recorded and quarantined as period-closed.')
param openPeriods string = '2026-H1,2026-H2'

@description('Client ID of the Entra app registration staff sign in to (app roles Surveys.Read, Pipeline.Operate, Reports.Review; see README). Empty: sign-in off, staff refused.')
param staffAuthClientId string = ''

@description('E-mail address that receives the alerts on failed ingests and dead-lettered events; empty leaves the alerts visible in the portal only.')
param alertEmail string = ''

@description('Maximum number of Flex Consumption instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = uniqueString(subscription().id, environmentName, location)
var tags = {
  'azd-env-name': environmentName
}

// Names are computed here, not read from module outputs, so What-If can predict every resource.
var functionAppName = '${abbrs.webSitesFunctions}reports-${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var documentIntelligenceName = '${abbrs.cognitiveServicesDocumentIntelligence}${resourceToken}'
var openAiName = '${abbrs.cognitiveServicesOpenAI}${resourceToken}'
var translatorName = '${abbrs.cognitiveServicesTranslator}${resourceToken}'
var openAiDeploymentName = 'reports-extraction'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'
var eventGridSystemTopicName = '${abbrs.eventGridSystemTopics}${resourceToken}'
var deploymentContainerName = 'deployments'
var deadLetterContainerName = 'eventgrid-deadletter'
var reportsContainerName = 'reports'
// The portal's page PUTs reports straight to their slots: the storage account allows that origin (CORS).
var portalOrigin = 'https://${functionAppName}.azurewebsites.net'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${abbrs.webSitesFunctions}${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerNames: [
      reportsContainerName
      'reports-quarantine'
      'surveys'
      'layouts'
      deploymentContainerName
      deadLetterContainerName
    ]
    tableNames: [
      'Submissions'
      'Answers'
      'Surveys'
      'Credentials'
      'Uploads'
      'Translations'
      'Reviews'
    ]
    browserUploadOrigins: [
      portalOrigin
    ]
    softDeleteRetentionDays: reportRetentionDays
    quarantineContainerName: 'reports-quarantine'
    refusedRetentionDays: refusedRetentionDays
  }
}

module documentIntelligence 'app/documentintelligence.bicep' = {
  name: 'documentIntelligence'
  scope: rg
  params: {
    name: documentIntelligenceName
    location: empty(documentIntelligenceLocation) ? location : documentIntelligenceLocation
    tags: tags
  }
}

module translator 'app/translator.bicep' = {
  name: 'translator'
  scope: rg
  params: {
    name: translatorName
    location: location
    tags: tags
  }
}

module openAi 'app/openai.bicep' = {
  name: 'openAi'
  scope: rg
  params: {
    name: openAiName
    location: empty(openAiLocation) ? location : openAiLocation
    tags: tags
    deploymentName: openAiDeploymentName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    skuName: openAiDeploymentType
    capacity: openAiCapacity
  }
}

module eventGrid 'app/eventgrid.bicep' = {
  name: 'eventGrid'
  scope: rg
  params: {
    name: eventGridSystemTopicName
    location: location
    tags: tags
    storageAccountName: storageAccountName
  }
  dependsOn: [
    storage
  ]
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storageAccountName
    deadLetterContainerName: deadLetterContainerName
    documentIntelligenceName: documentIntelligenceName
    translatorName: translatorName
    openAiName: openAiName
    applicationInsightsName: applicationInsightsName
    // Principal IDs exist only once the identities do; What-If cannot predict these assignments.
    #disable-next-line what-if-short-circuiting
    managedIdentityPrincipalId: identity.outputs.principalId
    #disable-next-line what-if-short-circuiting
    eventGridPrincipalId: eventGrid.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
    grantUserDataRoles: grantDeployerDataRoles
  }
  dependsOn: [
    storage
    documentIntelligence
    translator
    openAi
    monitoring
  ]
}

module functions 'app/functions.bicep' = {
  name: 'functions'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: 'functions'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    documentIntelligenceEndpoint: documentIntelligence.outputs.endpoint
    translatorEndpoint: translator.outputs.endpoint
    openAiEndpoint: openAi.outputs.endpoint
    openAiDeploymentName: openAiDeploymentName
    surveySchedule: surveySchedule
    reconcileSchedule: reconcileSchedule
    openPeriods: openPeriods
    staffAuthClientId: staffAuthClientId
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // rbac: grant the identity its roles before the host first starts against storage.
  dependsOn: [
    storage
    rbac
  ]
}

module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    location: location
    tags: tags
    applicationInsightsName: applicationInsightsName
    eventGridSystemTopicName: eventGridSystemTopicName
    alertEmail: alertEmail
  }
  dependsOn: [
    monitoring
    eventGrid
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output AZURE_FUNCTION_APP_HOSTNAME string = functions.outputs.defaultHostName
output PORTAL_URL string = '${portalOrigin}/'
output STAFF_DESK_URL string = '${portalOrigin}/staff'
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output REPORTS_CONTAINER_NAME string = reportsContainerName
output EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output EVENTGRID_DEADLETTER_CONTAINER_NAME string = deadLetterContainerName
output DOCUMENT_INTELLIGENCE_ENDPOINT string = documentIntelligence.outputs.endpoint
output TRANSLATOR_ENDPOINT string = translator.outputs.endpoint
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
output AZURE_OPENAI_DEPLOYMENT string = openAiDeploymentName
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
