// Azure OpenAI (kind OpenAI) with one chat model deployment, for the AzureOpenAI extractor.
// Key auth is disabled; the app calls it with a token for its managed identity (Cognitive Services
// OpenAI User), which needs the custom subdomain endpoint (https://<name>.openai.azure.com/).

@description('Name of the Azure OpenAI account; also its globally unique custom subdomain.')
param name string

@description('Azure region for the account (models and deployment types are not offered in every region).')
param location string

@description('Tags applied to the account.')
param tags object

@description('Name of the model deployment the app sends its requests to.')
param deploymentName string

@description('Model to deploy; it must accept structured output (JSON schema) and temperature.')
param modelName string

@description('Model version.')
param modelVersion string

@description('Deployment type: GlobalStandard (pay per token, global capacity) or Standard (in-region).')
@allowed([
  'GlobalStandard'
  'Standard'
  'DataZoneStandard'
])
param skuName string

@description('Capacity in thousands of tokens per minute; it reserves quota, the bill is per token.')
@minValue(1)
param capacity int

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
    }
  }

  resource deployment 'deployments' = {
    name: deploymentName
    sku: {
      name: skuName
      capacity: capacity
    }
    properties: {
      model: {
        format: 'OpenAI'
        name: modelName
        version: modelVersion
      }
    }
  }
}

output name string = account.name
output endpoint string = account.properties.endpoint
output deploymentName string = account::deployment.name
