#!/bin/sh
# One-shot, before the secured broker's first start (compose.secure.yaml, service kafka-secrets): makes the TLS key
# pair with the JDK's keytool, a random password for every principal, the files the broker, the Connect worker and
# the operator read them from (owner-only, in the secrets volume), and formats the broker's log directory with the
# first SCRAM credentials. No password is ever an argument of a command: keytool reads the store password from its
# environment, kafka-storage's arguments come from a JVM argument file that is deleted once used.
set -eu
secrets=/etc/kafka/secrets
data=/var/lib/kafka/data
config=/opt/stocklake/secure/server.properties
principals="broker admin connect stock-ticks-source stock-ticks-s3-glue-sink"
scram=org.apache.kafka.common.security.scram.ScramLoginModule

if [ -f "$secrets/.complete" ]; then
  echo "Secrets and SCRAM credentials exist; nothing to do."
  exit 0
fi
if [ -f "$data/meta.properties" ]; then
  echo "The broker's data volume was formatted without SCRAM credentials (the plain stack ran on it)." >&2
  echo "Remove it first: docker compose down -v" >&2
  exit 1
fi
umask 077
random() { head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
jaas() { printf '%s required username="%s" password="%s";' "$scram" "$1" "$2"; }

STORE_PASSWORD=$(random)
export STORE_PASSWORD
rm -f "$secrets/broker.p12" "$secrets/truststore.p12"
keytool -genkeypair -alias broker -keyalg EC -groupname secp256r1 -dname CN=kafka \
  -ext SAN=dns:kafka,dns:localhost,ip:127.0.0.1 -validity 825 -storetype PKCS12 -keystore "$secrets/broker.p12" \
  -storepass:env STORE_PASSWORD -keypass:env STORE_PASSWORD
keytool -exportcert -rfc -alias broker -keystore "$secrets/broker.p12" -storepass:env STORE_PASSWORD \
  -file "$secrets/broker.pem"
keytool -importcert -noprompt -alias broker -file "$secrets/broker.pem" -storetype PKCS12 \
  -keystore "$secrets/truststore.p12" -storepass:env STORE_PASSWORD

cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
{
  printf '%s\n' -cp '/opt/kafka/libs/*' kafka.tools.StorageTool format --cluster-id "$cluster_id" --config "$config"
} > "$secrets/format.args"
{
  echo "store.password=$STORE_PASSWORD"
} > "$secrets/broker-secrets.properties"
{
  echo "truststore.password=$STORE_PASSWORD"
} > "$secrets/kafka.properties"
for principal in $principals; do
  password=$(random)
  printf '%s\n' --add-scram "SCRAM-SHA-512=[name=$principal,password=$password]" >> "$secrets/format.args"
  case "$principal" in
    broker) echo "broker.sasl.jaas.config=$(jaas "$principal" "$password")" >> "$secrets/broker-secrets.properties" ;;
    admin)
      cat > "$secrets/admin.properties" <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
ssl.truststore.type=PKCS12
ssl.truststore.location=$secrets/truststore.p12
ssl.truststore.password=$STORE_PASSWORD
sasl.jaas.config=$(jaas "$principal" "$password")
PROPERTIES
      ;;
    *) echo "$principal.sasl.jaas.config=$(jaas "$principal" "$password")" >> "$secrets/kafka.properties" ;;
  esac
done

# Its output lists the SCRAM keys it stores: not for the container log.
java @"$secrets/format.args" > /dev/null
rm -f "$secrets/format.args"
touch "$secrets/.complete"
echo "Made the TLS key pair, the passwords of: $principals; formatted $data with their SCRAM credentials."
