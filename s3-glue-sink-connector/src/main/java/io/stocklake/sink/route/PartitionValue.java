package io.stocklake.sink.route;

/** One Hive partition level, {@code key=value}, with a value safe in an S3 key and a Hive path. */
public record PartitionValue(String key, String value) {

    /** Hive's name for a null or empty partition value. */
    public static final String HIVE_DEFAULT = "__HIVE_DEFAULT_PARTITION__";

    private static final int MAX_VALUE_LENGTH = 200;

    /**
     * Keeps ASCII letters, digits, '.', '_' and '-' and replaces anything else by '_': no character that
     * S3 tools or Hive would escape or split on ('/', '=', '%', ':', spaces, non-ASCII) survives.
     */
    public static PartitionValue sanitised(String key, String raw) {
        if (raw == null || raw.isEmpty()) {
            return new PartitionValue(key, HIVE_DEFAULT);
        }
        StringBuilder safe = new StringBuilder(Math.min(raw.length(), MAX_VALUE_LENGTH));
        for (int i = 0; i < raw.length() && safe.length() < MAX_VALUE_LENGTH; i++) {
            char c = raw.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            safe.append(keep ? c : '_');
        }
        return new PartitionValue(key, safe.toString());
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
