package io.stocklake.local;

import io.stocklake.stack.KafkaSecurity;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How {@code ./run-local --secure} runs the shipped connectors on the secured broker, as docs/security.md tells
 * users to: the worker logs in as its own principal and admits only a connector's login as an override (the
 * {@code Principal} policy), so each connector names its own principal and the shipped client tuning moves into
 * the worker's {@code producer.} / {@code consumer.} settings; the stack creates the topics, so the source needs no
 * right to create one.
 */
final class SecuredConnectors {

    private static final List<String> CLIENTS = List.of("producer", "consumer", "admin");

    private SecuredConnectors() {}

    /**
     * The worker's settings: its login and transport, the config provider allowed to read the Kafka and the AWS
     * secrets, and the client tuning taken out of {@code connectors}' configs (which this changes).
     */
    @SafeVarargs
    static Map<String, String> workerConfig(
            KafkaSecurity security, String principal, Path awsSecretsDir, Map<String, String>... connectors) {
        Map<String, String> worker = new HashMap<>(security.workerConfig(principal));
        worker.put(
                "config.providers.file.param.allowed.paths",
                security.secretsFile().getParent() + "," + awsSecretsDir);
        for (Map<String, String> connector : connectors) {
            connector.keySet().removeIf(key -> key.startsWith("topic.creation."));
            for (Iterator<Map.Entry<String, String>> it = connector.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, String> entry = it.next();
                for (String client : CLIENTS) {
                    String prefix = client + ".override.";
                    if (entry.getKey().startsWith(prefix)) {
                        worker.put(client + "." + entry.getKey().substring(prefix.length()), entry.getValue());
                        it.remove();
                        break;
                    }
                }
            }
        }
        return worker;
    }

    /** Makes {@code clients} of the connector log in as {@code principal}, the secret read by the worker. */
    static void ownPrincipal(
            KafkaSecurity security, String principal, Map<String, String> connector, String... clients) {
        for (String client : clients) {
            connector.put(client + ".override.sasl.jaas.config", security.jaasConfigReference(principal));
        }
    }
}
