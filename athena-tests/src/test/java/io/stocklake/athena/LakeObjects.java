package io.stocklake.athena;

import io.stocklake.stack.S3Server;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The objects the sinks wrote, as S3 lists them: what a query over them could read at most. */
final class LakeObjects {

    private final S3Server s3;

    LakeObjects(S3Server s3) {
        this.s3 = s3;
    }

    /** Bytes stored in one partition of a table. */
    long bytes(SinkTable table, HivePartition partition) {
        return bytesUnder("topics/" + table.name() + "/" + partition.path() + "/");
    }

    /** Bytes stored in one day of a table, all hours. */
    long bytes(SinkTable table, String day) {
        return bytesUnder("topics/" + table.name() + "/dt=" + day + "/");
    }

    private long bytesUnder(String prefix) {
        try (S3Client client = s3.client()) {
            return client
                    .listObjectsV2Paginator(
                            request -> request.bucket(SinkTable.BUCKET).prefix(prefix))
                    .contents()
                    .stream()
                    .mapToLong(S3Object::size)
                    .sum();
        }
    }
}
