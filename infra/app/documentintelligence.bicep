// Azure AI Document Intelligence (kind FormRecognizer) for scanned reports and images.
// Key auth is disabled; the app calls the REST API with a token for its managed identity,
// which needs the custom subdomain endpoint (https://<name>.cognitiveservices.azure.com/).

@description('Name of the Document Intelligence account; also its globally unique custom subdomain.')
param name string

@description('Azure region for the account (Document Intelligence is not offered in every region).')
param location string

@description('Tags applied to the account.')
param tags object

@description('Pricing tier. S0 bills per analysed page; F0 is free but limited to 2 pages and 4 MB per document.')
@allowed([
  'S0'
  'F0'
])
param skuName string = 'S0'

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'FormRecognizer'
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
