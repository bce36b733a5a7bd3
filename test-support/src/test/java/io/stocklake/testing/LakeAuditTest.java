package io.stocklake.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.stack.S3Lake;
import io.stocklake.stack.S3Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The audit against objects in a real S3 server: which records are in exactly one line, and what is wrong. */
class LakeAuditTest {

    private static final String PREFIX = "topics/t/";
    /** 2026-11-24T03:00:00Z, folder dt=2026-11-24/hour=03. */
    private static final long HOUR_03 = 1_795_489_200_000L;

    private static final String FOLDER_03 = "dt=2026-11-24/hour=03/";
    private static final String FOLDER_04 = "dt=2026-11-24/hour=04/";

    private static S3Server server;
    private static S3Client s3;
    private static int bucketNumber;

    private String bucket;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = S3Server.inMemory().start();
        s3 = server.client();
    }

    @AfterAll
    static void stopServer() {
        s3.close();
        server.close();
    }

    @BeforeEach
    void freshBucket() {
        bucket = "audit-" + ++bucketNumber;
        server.createBucket(bucket);
    }

    @Test
    void everyRecordInExactlyOneLineIsExact() {
        record(0, 0, "A", 1, HOUR_03);
        record(0, 1, "A", 2, HOUR_03 + 3_600_000);
        record(0, 2, "A", 3, HOUR_03);
        put(FOLDER_03 + "t+0+00000000000000000000.json", "A", 1, "A", 3);
        put(FOLDER_04 + "t+0+00000000000000000001.json", "A", 2);

        assertThat(audit().problems()).isEmpty();
    }

    @Test
    void aDuplicatedPayloadAtTwoOffsetsIsTwoRecordsEachToBeWrittenOnce() {
        record(0, 0, "A", 1, HOUR_03);
        record(0, 1, "A", 1, HOUR_03);
        put(FOLDER_03 + "t+0+00000000000000000000.json", "A", 1);

        LakeAudit audit = audit();

        assertThat(audit.duplicatedIdentities()).containsExactly("A#1");
        assertThat(audit.missing()).containsExactly("0@1");
        assertThat(audit.duplicated()).isEmpty();
    }

    @Test
    void aRecordInTwoObjectsIsDuplicated() {
        record(0, 0, "A", 1, HOUR_03);
        put(FOLDER_03 + "t+0+00000000000000000000.json", "A", 1);
        put(FOLDER_03 + "t+0+00000000000000000000.json.copy.json", "A", 1);

        assertThat(audit().duplicated()).containsEntry("0@0", 2);
    }

    @Test
    void aLineInTheWrongFolderIsMisplaced() {
        record(0, 0, "A", 1, HOUR_03);
        put(FOLDER_04 + "t+0+00000000000000000000.json", "A", 1);

        assertThat(audit().misplaced()).containsExactly(PREFIX + FOLDER_04 + "t+0+00000000000000000000.json: 0@0");
    }

    @Test
    void aLineOfNoRecordIsUnknownAndAnObjectNamedAfterAnotherOffsetIsMisnamed() {
        record(0, 0, "A", 1, HOUR_03);
        record(0, 1, "A", 2, HOUR_03);
        put(FOLDER_03 + "t+0+00000000000000000000.json", "A", 2, "B", 9);

        LakeAudit audit = audit();

        assertThat(audit.misnamed()).hasSize(1);
        assertThat(audit.unknown()).hasSize(1);
        assertThat(audit.missing()).containsExactly("0@0");
    }

    private LakeAudit audit() {
        return LakeAudit.of(records, new S3Lake(s3, bucket), PREFIX, LakeAudit::hourlyFolder, "symbol", "seq");
    }

    private void record(int partition, long offset, String symbol, long seq, long timestamp) {
        String value =
                "{\"schema\":{\"type\":\"struct\"},\"payload\":{\"symbol\":\"" + symbol + "\",\"seq\":" + seq + "}}";
        records.add(new ConsumerRecord<>(
                "t",
                partition,
                offset,
                timestamp,
                TimestampType.CREATE_TIME,
                0,
                0,
                symbol,
                value,
                new RecordHeaders(),
                Optional.empty()));
    }

    /** An object of JSON lines, one per (symbol, seq) pair. */
    private void put(String key, Object... symbolSeq) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < symbolSeq.length; i += 2) {
            lines.append("{\"symbol\":\"")
                    .append(symbolSeq[i])
                    .append("\",\"seq\":")
                    .append(symbolSeq[i + 1])
                    .append(",\"price\":1.5}\n");
        }
        s3.putObject(b -> b.bucket(bucket).key(PREFIX + key), RequestBody.fromString(lines.toString()));
    }
}
