#!/bin/sh
# Deploys connect-configs/ documents to a Kafka Connect cluster, as a user POSTs them, with an overlay on top.
#   CONNECT_URL   the worker's REST API (default http://connect:8083)
#   CONFIGS_DIR   the shipped documents (default /configs)
#   OVERLAYS_DIRS the overlays, space-separated, applied in order (default: OVERLAYS_DIR, else /overlays)
#   CONNECTORS    which documents, in order (default: stock-ticks-source.json s3-glue-sink.json)
#   WAIT_FOR      more URLs that must answer before deploying (e.g. the local lake), space-separated
# An overlay <dir>/<file> has the shape {"config": {...}}; its keys replace or add to the shipped ones, a null value
# removes the key, and @NAME@ in its values is replaced by the environment variable NAME (an unset one is an error). PUT
# /connectors/<name>/config creates or updates, so running this again is harmless.
set -eu

connect=${CONNECT_URL:-http://connect:8083}
configs=${CONFIGS_DIR:-/configs}
overlays=${OVERLAYS_DIRS:-${OVERLAYS_DIR:-/overlays}}
connectors=${CONNECTORS:-stock-ticks-source.json s3-glue-sink.json}
wait_seconds=${WAIT_SECONDS:-180}

await() {
  waited=0
  until curl -fsS -o /dev/null "$1"; do
    if [ "$waited" -ge "$wait_seconds" ]; then
      echo "$1 did not answer within ${wait_seconds}s" >&2
      exit 1
    fi
    sleep 2
    waited=$((waited + 2))
  done
}

for url in "$connect/connector-plugins" ${WAIT_FOR:-}; do
  await "$url"
done

for file in $connectors; do
  document="$configs/$file"
  name=$(jq -er '.name' "$document")
  config=$(jq -e '.config' "$document")
  for dir in $overlays; do
    if [ -f "$dir/$file" ]; then
      config=$(printf '%s' "$config" | jq -e --slurpfile overlay "$dir/$file" '
        ($overlay[0].config | with_entries(.value |= if . == null then null else gsub("@(?<v>[A-Z0-9_]+)@";
            if $ENV[.v] == null then error("environment variable \(.v) is not set") else $ENV[.v] end) end))
        as $local | . + $local | with_entries(select(.value != null))')
    fi
  done
  echo "Deploying $name from $file"
  printf '%s' "$config" | curl -fsS -X PUT -H 'Content-Type: application/json' --data-binary @- \
    "$connect/connectors/$name/config" > /dev/null
done

sleep 5
for file in $connectors; do
  name=$(jq -er '.name' "$configs/$file")
  curl -fsS "$connect/connectors/$name/status" | jq -c '{name, connector: .connector.state, tasks: [.tasks[].state]}'
done
