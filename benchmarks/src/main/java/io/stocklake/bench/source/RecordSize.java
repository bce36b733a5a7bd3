package io.stocklake.bench.source;

/**
 * The average serialized size of a topic's records, key and value apart, as they lie in Kafka.
 *
 * @param keyBytes   mean key size in bytes
 * @param valueBytes mean value size in bytes
 */
public record RecordSize(double keyBytes, double valueBytes) {

    public double totalBytes() {
        return keyBytes + valueBytes;
    }
}
