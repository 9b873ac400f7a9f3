// Azure AI Translator (kind TextTranslation): machine translations of the survey's excerpts into its six languages.
// Key auth is disabled; the app calls the REST API with a token for its managed identity, which needs the custom
// subdomain endpoint (https://<name>.cognitiveservices.azure.com/translator/text/v3.0/translate).

@description('Name of the Translator account; also its globally unique custom subdomain.')
param name string

@description('Azure region for the account.')
param location string

@description('Tags applied to the account.')
param tags object

@description('Pricing tier. S1 bills per character; F0 is free up to 2 million characters a month.')
@allowed([
  'S1'
  'F0'
])
param skuName string = 'S1'

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextTranslation'
  sku: {
    name: skuName
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
    }
  }
}

output name string = account.name
output endpoint string = account.properties.endpoint
