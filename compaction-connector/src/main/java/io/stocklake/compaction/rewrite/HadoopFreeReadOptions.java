package io.stocklake.compaction.rewrite;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Read options that never touch Hadoop. parquet-java's only public way to make them, its builder, creates a Hadoop
 * codec factory first (whatever codec factory is set afterwards), which fails in a worker without Hadoop: the plugin
 * archive carries none, as the sink's does not. So the options are made with their own constructor, the one that
 * takes a codec factory: no filters, heap buffers, and the page decompressors of {@link ParquetDecompressors}.
 */
final class HadoopFreeReadOptions {

    /** parquet-java's default largest single allocation. */
    private static final int MAX_ALLOCATION = 8 * 1024 * 1024;

    private static final int PARAMETERS = 18;

    private HadoopFreeReadOptions() {}

    static ParquetReadOptions create(CompressionCodecFactory codecs) {
        for (Constructor<?> constructor : ParquetReadOptions.class.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == PARAMETERS) {
                try {
                    constructor.setAccessible(true);
                    // useSignedStringMinMax, useStatsFilter, useDictionaryFilter, useRecordFilter,
                    // useColumnIndexFilter, usePageChecksumVerification, useBloomFilter, useOffHeapDecryptBuffer,
                    // useHadoopVectoredIo: no filters, nothing off-heap, no Hadoop.
                    return (ParquetReadOptions) constructor.newInstance(
                            false,
                            false,
                            false,
                            false,
                            false,
                            false,
                            false,
                            false,
                            false,
                            FilterCompat.NOOP,
                            ParquetMetadataConverter.NO_FILTER,
                            codecs,
                            new HeapByteBufferAllocator(),
                            MAX_ALLOCATION,
                            new HashMap<String, String>(),
                            null,
                            null,
                            new PlainParquetConfiguration());
                } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("parquet-java's read options could not be made", e);
                }
            }
        }
        throw new IllegalStateException("this parquet-java has no read options constructor of " + PARAMETERS
                + " parameters: compaction is built for parquet-java 1.18");
    }
}
