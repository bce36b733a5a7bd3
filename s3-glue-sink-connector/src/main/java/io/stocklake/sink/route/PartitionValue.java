package io.stocklake.sink.route;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.errors.DataException;

/**
 * One Hive partition level: the value a catalog registers, as the record holds it, and its folder
 * {@code key=value} with the value escaped the way Hive escapes partition paths, so distinct values never share
 * a folder.
 */
public record PartitionValue(String key, String value) {

    /** Hive's name for a null or empty partition value, in the catalog and in the path alike. */
    public static final String HIVE_DEFAULT = "__HIVE_DEFAULT_PARTITION__";

    /** Room for the escaped value in one folder name: S3 keys end at 1024 bytes, shared by every level and the file. */
    static final int MAX_ESCAPED_BYTES = 256;

    /**
     * The level for {@code raw}: null or empty become {@link #HIVE_DEFAULT}, any other value stays as it is. A
     * DataException naming {@code key} when its escaped form is too long for an S3 key.
     */
    public static PartitionValue of(String key, String raw) {
        if (raw == null || raw.isEmpty()) {
            return new PartitionValue(key, HIVE_DEFAULT);
        }
        PartitionValue level = new PartitionValue(key, raw);
        if (raw.length() > MAX_ESCAPED_BYTES / 3) {
            int bytes = HivePathEscape.escape(raw).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_ESCAPED_BYTES) {
                throw new DataException("partition field " + key + " holds a value whose escaped folder name takes "
                        + bytes + " bytes; at most " + MAX_ESCAPED_BYTES + " fit an S3 key");
            }
        }
        return level;
    }

    /** {@code key=value}, the value escaped as Hive escapes partition paths. */
    public String folder() {
        return key + "=" + HivePathEscape.escape(value);
    }

    @Override
    public String toString() {
        return folder();
    }
}
