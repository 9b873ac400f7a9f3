// Alerts that give failures an owner: reports whose ingestion failed after every attempt (the poison path counts them
// in the ReportPipeline meter), and events Event Grid gave up on, which it writes to the dead-letter container (the
// ReconcileUploads timer ingests their blobs the next night; the alert says that deliveries are failing now).

@description('Azure region for the log alert.')
param location string

@description('Tags applied to the alert resources.')
param tags object

@description('Name of the Application Insights component that receives the app\'s metrics.')
param applicationInsightsName string

@description('Name of the storage account\'s Event Grid system topic.')
param eventGridSystemTopicName string

@description('E-mail address that receives the alerts; empty creates no action group, and the alerts show in the portal only.')
param alertEmail string = ''

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: eventGridSystemTopicName
}

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-reportpipeline-operators'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'rp-ops'
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var actionGroups = empty(alertEmail) ? [] : [operators.id]

resource failedIngests 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-reports-failed'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'ReportPipeline: reports failed to ingest'
    description: 'A report failed after every attempt and is recorded as Failed with a reason code. Fix the cause, then run reportpipeline reprocess --period P.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "reportpipeline.reports.failed" | extend reason = tostring(customDimensions.reason) | summarize failed = sum(valueSum) by reason'
          timeAggregation: 'Total'
          metricMeasureColumn: 'failed'
          dimensions: [
            {
              name: 'reason'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: actionGroups
    }
  }
}

resource deadLetters 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-eventgrid-dead-lettered'
  location: 'global'
  tags: tags
  properties: {
    description: 'Event Grid dead-lettered BlobCreated events it could not deliver to IngestReport. ReconcileUploads ingests their blobs on its next run.'
    severity: 2
    enabled: true
    scopes: [
      systemTopic.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'deadLettered'
          metricNamespace: 'Microsoft.EventGrid/systemTopics'
          metricName: 'DeadLetteredCount'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Total'
        }
      ]
    }
    autoMitigate: true
    actions: [for group in actionGroups: {
      actionGroupId: group
    }]
  }
}

