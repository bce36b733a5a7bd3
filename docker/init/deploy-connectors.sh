#!/bin/sh
# Deploys connect-configs/ documents to a Kafka Connect cluster, as a user POSTs them, with an overlay on top.
#   CONNECT_URL   the worker's REST API (default http://connect:8083)
#   CONFIGS_DIR   the shipped documents (default /configs), OVERLAYS_DIR the overlays (default /overlays)
#   CONNECTORS    which documents, in order (default: stock-ticks-source.json s3-glue-sink.json)
#   WAIT_FOR      more URLs that must answer before deploying (e.g. the local lake), space-separated
# An overlay /overlays/<file> has the shape {"config": {...}}; its keys replace or add to the shipped ones, and
# @NAME@ in its values is replaced by the environment variable NAME (an unset one is an error). PUT
# /connectors/<name>/config creates or updates, so running this again is harmless.
set -eu

connect=${CONNECT_URL:-http://connect:8083}
configs=${CONFIGS_DIR:-/configs}
overlays=${OVERLAYS_DIR:-/overlays}
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
  if [ -f "$overlays/$file" ]; then
    config=$(jq -e -n --slurpfile shipped "$document" --slurpfile overlay "$overlays/$file" '
      ($overlay[0].config | with_entries(.value |= gsub("@(?<v>[A-Z0-9_]+)@";
          if $ENV[.v] == null then error("environment variable \(.v) is not set") else $ENV[.v] end)))
      as $local | $shipped[0].config + $local')
  else
    config=$(jq -e '.config' "$document")
  fi
  echo "Deploying $name from $file"
  printf '%s' "$config" | curl -fsS -X PUT -H 'Content-Type: application/json' --data-binary @- \
    "$connect/connectors/$name/config" > /dev/null
done

sleep 5
for file in $connectors; do
  name=$(jq -er '.name' "$configs/$file")
  curl -fsS "$connect/connectors/$name/status" | jq -c '{name, connector: .connector.state, tasks: [.tasks[].state]}'
done
