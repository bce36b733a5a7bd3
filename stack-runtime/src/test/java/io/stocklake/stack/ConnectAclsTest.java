package io.stocklake.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md lists exactly the ACLs the secured stack applies, for the shipped connectors' names, and the
 * secured compose stack grants exactly those, for its own worker's names.
 */
class ConnectAclsTest {

    private static final Path SECURITY_DOC = Path.of("..", "docs", "security.md");
    private static final Path COMPOSE_ACLS = Path.of("..", "docker", "secure", "acls.txt");
    private static final Path COMPOSE_WORKER = Path.of("..", "docker", "secure", "worker.properties");

    @Test
    void theDocumentedAclsAreTheOnesTheStackApplies() throws IOException {
        List<String> applied = new ArrayList<>();
        ConnectAcls.worker("connect", "connect-cluster", "connect-configs", "connect-offsets", "connect-status")
                .forEach(acl -> applied.add(ConnectAcls.describe(acl)));
        ConnectAcls.exactlyOnceSource(
                        "stock-ticks-source", "connect-cluster", "stock-ticks-source", "stock-ticks", "connect-offsets")
                .forEach(acl -> applied.add(ConnectAcls.describe(acl)));
        ConnectAcls.sink(
                        "stock-ticks-s3-glue-sink",
                        "stock-ticks-s3-glue-sink",
                        "stock-ticks",
                        "stock-ticks-s3-glue-sink-dlq")
                .forEach(acl -> applied.add(ConnectAcls.describe(acl)));

        assertThat(documentedAcls()).containsExactlyElementsOf(applied);
    }

    @Test
    void theSecuredComposeStackGrantsTheSameAclsForItsWorkersNames() throws IOException {
        Properties worker = new Properties();
        try (Reader in = Files.newBufferedReader(COMPOSE_WORKER)) {
            worker.load(in);
        }
        String group = worker.getProperty("group.id");
        String offsets = worker.getProperty("offset.storage.topic");
        List<String> applied = new ArrayList<>();
        ConnectAcls.worker(
                        "connect",
                        group,
                        worker.getProperty("config.storage.topic"),
                        offsets,
                        worker.getProperty("status.storage.topic"))
                .forEach(acl -> applied.add(ConnectAcls.describe(acl)));
        ConnectAcls.exactlyOnceSource("stock-ticks-source", group, "stock-ticks-source", "stock-ticks", offsets)
                .forEach(acl -> applied.add(ConnectAcls.describe(acl)));
        ConnectAcls.sink(
                        "stock-ticks-s3-glue-sink",
                        "stock-ticks-s3-glue-sink",
                        "stock-ticks",
                        "stock-ticks-s3-glue-sink-dlq")
                .forEach(acl -> applied.add(ConnectAcls.describe(acl)));

        List<String> granted = Files.readAllLines(COMPOSE_ACLS).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();

        assertThat(granted).containsExactlyElementsOf(applied);
    }

    @Test
    void anExactlyOnceSourceMayUseOnlyItsOwnTasksTransactionalIds() {
        assertThat(ConnectAcls.exactlyOnceSource("source", "group", "ticks", "ticks-topic", "offsets"))
                .filteredOn(acl -> acl.pattern().resourceType().name().equals("TRANSACTIONAL_ID"))
                .extracting(acl -> acl.pattern().name())
                .containsOnly("group-ticks-");
    }

    /** The lines of the fenced block under the heading "ACLs, per principal". */
    private static List<String> documentedAcls() throws IOException {
        List<String> lines = Files.readAllLines(SECURITY_DOC);
        int heading = lines.indexOf("### ACLs, per principal");
        assertThat(heading).as("the ACL heading in " + SECURITY_DOC).isNotNegative();
        int start = lines.subList(heading, lines.size()).indexOf("```text") + heading + 1;
        int end = lines.subList(start, lines.size()).indexOf("```") + start;
        return lines.subList(start, end);
    }
}
