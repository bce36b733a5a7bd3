#!/bin/bash
# One-shot, once the secured broker answers (compose.secure.yaml, service kafka-setup): creates the topics the
# connectors write, so that no connector needs the right to create one, and grants the ACLs of acls.txt, as the
# operator (admin.properties, made by make-secrets.sh). Both are idempotent: running this again changes nothing.
set -euo pipefail
bin=/opt/kafka/bin
bootstrap=kafka:19092
admin=/etc/kafka/secrets/admin.properties
acls=/opt/stocklake/secure/acls.txt

topic() {
  "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor 1
}
topic stock-ticks 3
topic stock-ticks-s3-glue-sink-dlq 1

trim() { local value=$1; value=${value#"${value%%[![:space:]]*}"}; printf '%s' "${value%"${value##*[![:space:]]}"}"; }

# Grants the operations gathered for one principal and resource, in one run of kafka-acls.
current=""
operations=()
names=()
grant() {
  [ -n "$current" ] || return 0
  IFS='|' read -r principal type pattern name <<< "$current"
  case "$type" in
    TOPIC) resource=(--topic "$name") ;;
    GROUP) resource=(--group "$name") ;;
    TRANSACTIONAL_ID) resource=(--transactional-id "$name") ;;
    *) echo "acls.txt: unknown resource type $type" >&2; exit 1 ;;
  esac
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --add \
    --allow-principal "$principal" --allow-host '*' "${operations[@]}" "${resource[@]}" \
    --resource-pattern-type "${pattern,,}" < /dev/null > /dev/null
  echo "Granted $principal ${names[*]} on $type $pattern $name"
}

# One line per ACL, as docs/security.md lists them: principal | resource type | pattern type | name | operation.
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  IFS='|' read -r principal type pattern name operation <<< "$line"
  key="$(trim "$principal")|$(trim "$type")|$(trim "$pattern")|$(trim "$name")"
  if [ "$key" != "$current" ]; then
    grant
    current=$key
    operations=()
    names=()
  fi
  # kafka-acls takes operations without the underscore (DescribeConfigs, DESCRIBECONFIGS).
  operation=$(trim "$operation")
  operations+=(--operation "${operation//_/}")
  names+=("$operation")
done < "$acls"
grant
