#!/usr/bin/env bash
# azd postdeploy hook: subscribes the blob trigger's webhook to BlobCreated events of the `reports`
# container. On Flex Consumption the blob trigger only runs with Source = EventGrid, and this
# subscription cannot be declared in Bicep: its URL carries the host's `blobs_extension` system key,
# which exists only once the deployed code has started the host.
#
# Idempotent: the subscription is written with a PUT (create-or-update), so re-running it after a
# redeploy or a key rotation just refreshes the endpoint. Needs the Azure CLI, logged in (`az login`).
#
# Reads the azd environment (azd passes it to hooks); the optional variables have defaults:
#   AZURE_FUNCTION_APP_NAME, RESOURCE_GROUP, EVENTGRID_SYSTEM_TOPIC_NAME, STORAGE_ACCOUNT_NAME
#   AZURE_SUBSCRIPTION_ID, AZURE_FUNCTION_APP_HOSTNAME, REPORTS_CONTAINER_NAME,
#   EVENTGRID_DEADLETTER_CONTAINER_NAME, INGEST_FUNCTION_NAME, EVENTGRID_SUBSCRIPTION_NAME
set -euo pipefail

app="${AZURE_FUNCTION_APP_NAME:?AZURE_FUNCTION_APP_NAME is not set; run azd provision first}"
resource_group="${RESOURCE_GROUP:?RESOURCE_GROUP is not set}"
topic="${EVENTGRID_SYSTEM_TOPIC_NAME:?EVENTGRID_SYSTEM_TOPIC_NAME is not set}"
storage_account="${STORAGE_ACCOUNT_NAME:?STORAGE_ACCOUNT_NAME is not set}"
subscription="${AZURE_SUBSCRIPTION_ID:-$(az account show --query id --output tsv)}"
host_name="${AZURE_FUNCTION_APP_HOSTNAME:-${app}.azurewebsites.net}"
container="${REPORTS_CONTAINER_NAME:-reports}"
dead_letter_container="${EVENTGRID_DEADLETTER_CONTAINER_NAME:-eventgrid-deadletter}"
# [Function("IngestReport")]: the webhook addresses it as Host.Functions.<name>.
function_name="${INGEST_FUNCTION_NAME:-IngestReport}"
event_subscription="${EVENTGRID_SUBSCRIPTION_NAME:-reports-blob-created}"
# Event Grid retries with exponential backoff up to 30 attempts within 24 h, then dead-letters.
max_delivery_attempts=30
event_ttl_minutes=1440
api_version=2022-06-15

# The host creates the blobs_extension key when it first starts with the blob extension loaded,
# which can lag the deployment by a minute or two.
key=""
for attempt in 1 2 3 4 5 6 7 8 9 10 11 12; do
  key="$(az functionapp keys list --subscription "$subscription" --resource-group "$resource_group" \
    --name "$app" --query "systemKeys.blobs_extension" --output tsv || true)"
  key="${key%$'\r'}"
  if [[ -n "$key" ]]; then
    break
  fi
  echo "postdeploy: waiting for the blobs_extension key on ${app} (${attempt}/12)..." >&2
  sleep 15
done
if [[ -z "$key" ]]; then
  echo "postdeploy: no blobs_extension system key on ${app}. Is a blob trigger with" \
    "Source = BlobTriggerSource.EventGrid deployed, and has the host started?" >&2
  exit 1
fi
if [[ ! "$key" =~ ^[A-Za-z0-9_=+/-]+$ ]]; then
  echo "postdeploy: unexpected characters in the blobs_extension key" >&2
  exit 1
fi
# Percent-encode the base64 characters that mean something in a query string.
encoded_key="${key//+/%2B}"
encoded_key="${encoded_key//\//%2F}"
encoded_key="${encoded_key//=/%3D}"

endpoint="https://${host_name}/runtime/webhooks/blobs?functionName=Host.Functions.${function_name}&code=${encoded_key}"
topic_id="/subscriptions/${subscription}/resourceGroups/${resource_group}/providers/Microsoft.EventGrid/systemTopics/${topic}"
storage_id="/subscriptions/${subscription}/resourceGroups/${resource_group}/providers/Microsoft.Storage/storageAccounts/${storage_account}"
subscription_uri="${topic_id}/eventSubscriptions/${event_subscription}?api-version=${api_version}"

# The request body holds the key, so it goes through a private temp file, not the command line.
body="$(umask 077 && mktemp)"
trap 'rm -f "$body"' EXIT
cat >"$body" <<JSON
{
  "properties": {
    "destination": {
      "endpointType": "WebHook",
      "properties": {
        "endpointUrl": "${endpoint}",
        "maxEventsPerBatch": 1,
        "preferredBatchSizeInKilobytes": 64
      }
    },
    "filter": {
      "includedEventTypes": ["Microsoft.Storage.BlobCreated"],
      "subjectBeginsWith": "/blobServices/default/containers/${container}/",
      "isSubjectCaseSensitive": false
    },
    "eventDeliverySchema": "EventGridSchema",
    "retryPolicy": {
      "maxDeliveryAttempts": ${max_delivery_attempts},
      "eventTimeToLiveInMinutes": ${event_ttl_minutes}
    },
    "deadLetterWithResourceIdentity": {
      "identity": { "type": "SystemAssigned" },
      "deadLetterDestination": {
        "endpointType": "StorageBlob",
        "properties": {
          "resourceId": "${storage_id}",
          "blobContainerName": "${dead_letter_container}"
        }
      }
    }
  }
}
JSON

echo "postdeploy: subscribing Host.Functions.${function_name} on ${host_name} to BlobCreated in '${container}' (system topic ${topic})" >&2
az rest --method put --uri "$subscription_uri" --body "@${body}" --output none

# Creation is asynchronous: Event Grid first validates the webhook with a handshake.
state=""
for attempt in 1 2 3 4 5 6 7 8 9 10 11 12; do
  state="$(az rest --method get --uri "$subscription_uri" --query "properties.provisioningState" --output tsv)"
  case "$state" in
    Succeeded)
      echo "postdeploy: event subscription '${event_subscription}' is ready; dead letters go to '${dead_letter_container}'" >&2
      exit 0
      ;;
    Failed | Canceled)
      break
      ;;
  esac
  echo "postdeploy: event subscription is ${state:-unknown} (${attempt}/12)..." >&2
  sleep 10
done
echo "postdeploy: event subscription '${event_subscription}' ended as '${state:-unknown}'. The webhook" \
  "validation needs the app running with function '${function_name}'; check the app's logs and re-run" \
  "this script (azd hooks run postdeploy)." >&2
exit 1
