// The function app on a Flex Consumption (FC1) plan, running .NET 10 isolated worker as the
// user-assigned identity. Every connection is identity-based; no app setting holds a secret.
// Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION /
// WEBSITE_RUN_FROM_PACKAGE: runtime and package location live in functionAppConfig instead.

@description('Name of the function app.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region for the plan and the app.')
param location string

@description('Tags applied to the plan; the app also gets azd-service-name.')
param tags object

@description('azd service name from azure.yaml; azd deploys to the app carrying this tag.')
param serviceName string = 'functions'

@description('Resource ID of the user-assigned identity the app runs as.')
param identityId string

@description('Client ID of the user-assigned identity.')
param identityClientId string

@description('Name of the storage account for host state, pipeline data and the deployment package.')
param storageAccountName string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Document Intelligence endpoint (custom subdomain).')
param documentIntelligenceEndpoint string

@description('Document Intelligence REST API version the app calls.')
param documentIntelligenceApiVersion string = '2024-11-30'

@description('Translator endpoint (custom subdomain).')
param translatorEndpoint string

@description('Azure OpenAI endpoint (custom subdomain).')
param openAiEndpoint string

@description('Name of the Azure OpenAI model deployment.')
param openAiDeploymentName string

@description('Six-field NCRONTAB (UTC) for the survey compilation timer.')
param surveySchedule string = '0 0 2 * * *'

@description('Six-field NCRONTAB (UTC) for the reconciliation timer, which ingests blobs no event delivered; before the survey compiles.')
param reconcileSchedule string = '0 30 1 * * *'

@description('Reporting periods open for upload slots and ingestion, comma-separated (e.g. 2026-H1,2026-H2); all others are refused as period-closed.')
param openPeriods string

@description('Client ID of the Entra app registration staff sign in to; empty turns App Service Authentication off, and every staff request is then refused.')
param staffAuthClientId string = ''

@description('Maximum number of instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

var storageEndpoints = storage.properties.primaryEndpoints

// AzureWebJobsStorage (the host's own) and PipelineStorage (the triggers' and the pipeline's) are
// both identity-based connections to the same account.
var appSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storageEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storageEndpoints.table
  PipelineStorage__credential: 'managedidentity'
  PipelineStorage__clientId: identityClientId
  PipelineStorage__blobServiceUri: storageEndpoints.blob
  PipelineStorage__queueServiceUri: storageEndpoints.queue
  PipelineStorage__tableServiceUri: storageEndpoints.table
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  SurveySchedule: surveySchedule
  ReconcileSchedule: reconcileSchedule
  Periods__Open: openPeriods
  Analysis__Mode: 'Auto'
  Analysis__MaxPages: '1000'
  Analysis__MaxPdfStreamBytes: '33554432'
  Analysis__MaxPdfDecodedBytes: '536870912'
  Analysis__MaxDocxUncompressedBytes: '67108864'
  Analysis__MaxDocxPartBytes: '8388608'
  Analysis__MaxDocxDepth: '256'
  Analysis__MaxDocxEntries: '1000'
  Analysis__MaxHtmlBytes: '8388608'
  Analysis__MaxHtmlElements: '200000'
  DocumentIntelligence__Endpoint: documentIntelligenceEndpoint
  DocumentIntelligence__ApiVersion: documentIntelligenceApiVersion
  DocumentIntelligence__ManagedIdentityClientId: identityClientId
  DocumentIntelligence__ModelId: 'prebuilt-layout'
  DocumentIntelligence__MaxRetries: '4'
  DocumentIntelligence__RetryDelay: '00:00:01'
  DocumentIntelligence__MaxRetryDelay: '00:00:30'
  DocumentIntelligence__AttemptTimeout: '00:01:00'
  DocumentIntelligence__PollInterval: '00:00:02'
  DocumentIntelligence__MinPollInterval: '00:00:01'
  DocumentIntelligence__TotalTimeout: '00:04:00'
  DocumentIntelligence__MaxResubmits: '2'
  DocumentIntelligence__MaxPages: '300'
  DocumentIntelligence__BreakFailureRatio: '0.5'
  DocumentIntelligence__BreakSampling: '00:01:00'
  DocumentIntelligence__BreakMinimumThroughput: '10'
  DocumentIntelligence__BreakDuration: '00:00:30'
  Translation__Endpoint: translatorEndpoint
  Translation__ManagedIdentityClientId: identityClientId
  Translation__TotalTimeout: '00:02:00'
  Translation__MaxRetries: '4'
  Translation__RetryDelay: '00:00:01'
  Translation__MaxRetryDelay: '00:00:30'
  Translation__AttemptTimeout: '00:01:00'
  Translation__BreakFailureRatio: '0.5'
  Translation__BreakSampling: '00:01:00'
  Translation__BreakMinimumThroughput: '10'
  Translation__BreakDuration: '00:00:30'
  Extraction__Mode: 'Auto'
  Extraction__MaxModelTokensPerReport: '200000'
  AzureOpenAI__Endpoint: openAiEndpoint
  AzureOpenAI__Deployment: openAiDeploymentName
  AzureOpenAI__ManagedIdentityClientId: identityClientId
  AzureOpenAI__MaxInputTokens: '8000'
  AzureOpenAI__MaxOutputTokens: '16384'
  AzureOpenAI__MaxRetries: '4'
  AzureOpenAI__RetryDelay: '00:00:01'
  AzureOpenAI__MaxRetryDelay: '00:01:00'
  AzureOpenAI__AttemptTimeout: '00:03:00'
  AzureOpenAI__TotalTimeout: '00:10:00'
  AzureOpenAI__BreakFailureRatio: '0.5'
  AzureOpenAI__BreakSampling: '00:01:00'
  AzureOpenAI__BreakMinimumThroughput: '10'
  AzureOpenAI__BreakDuration: '00:00:30'
  Ingestion__MaxReportBytes: '52428800'
  Links__DefaultMinutes: '60'
  Links__MaxMinutes: '240'
  Uploads__SlotMinutes: '15'
  Uploads__MaxSlotsPerHour: '20'
  Uploads__MaxSlotsPerDay: '100'
  // Staff are whoever App Service Authentication says, with the app roles in X-MS-CLIENT-PRINCIPAL; with no app
  // registration, authentication is off and the staff routes are closed outright (Disabled), never open to a forged header.
  Staff__Authentication: empty(staffAuthClientId) ? 'Disabled' : 'AppService'
  // A state's indications in the portal count in the survey once an analyst accepts them (or UntilDecided).
  Review__StateIndications: 'Accepted'
  // The portal is served at /: the host's own start page must not take that path.
  AzureWebJobsDisableHomepage: 'true'
}

// Paths served without sign-in: the member-state portal and its files, the member states' API (their upload key is
// the authorisation) and the blob trigger's Event Grid webhook (its system key is). Everything else, the staff desk and
// the staff API, needs a signed-in Entra user; the functions then check the app role.
var memberStatePaths = [
  '/'
  '/assets/site.css'
  '/assets/icon.svg'
  '/assets/portal.js'
  '/assets/portal-strings.js'
  '/assets/portal-indications.js'
  '/api/uploads'
  '/api/indications'
  '/api/periods'
  '/runtime/webhooks/blobs'
]

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: appSettings
  }

  // azd and the portal deploy with Entra tokens; basic (user/password) publishing stays off.
  // App Service Authentication (Easy Auth) with Microsoft Entra ID in front of the staff desk and API. It validates the
  // sign-in, strips any X-MS-CLIENT-PRINCIPAL a caller sends and sets its own. Without a client secret the login uses
  // the ID token flow, which the app registration must allow (README).
  resource auth 'config' = {
    name: 'authsettingsV2'
    properties: {
      platform: {
        enabled: !empty(staffAuthClientId)
      }
      globalValidation: {
        requireAuthentication: true
        unauthenticatedClientAction: 'RedirectToLoginPage'
        redirectToProvider: 'azureactivedirectory'
        excludedPaths: memberStatePaths
      }
      httpSettings: {
        requireHttps: true
      }
      identityProviders: {
        azureActiveDirectory: {
          enabled: true
          registration: {
            clientId: staffAuthClientId
            openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
          }
          validation: {
            allowedAudiences: [
              staffAuthClientId
              'api://${staffAuthClientId}'
            ]
            defaultAuthorizationPolicy: {
              allowedApplications: [
                staffAuthClientId
              ]
            }
          }
        }
      }
      // No token store: /.auth/me would hand a staff member's ID token to any script on this origin; the app needs only
      // the principal header.
      login: {
        tokenStore: {
          enabled: false
        }
      }
    }
  }

  resource ftpPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
