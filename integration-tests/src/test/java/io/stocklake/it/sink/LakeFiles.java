package io.stocklake.it.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Decodes lake objects with readers that share no code with the sink's writers: Jackson for JSON lines,
 * commons-csv for CSV, parquet-java's reader for Parquet; gzip by the JDK, zstd by aircompressor. The format
 * is taken from the file extension, as Athena takes it.
 */
final class LakeFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LakeFiles() {}

    /** The records of one object, in file order. */
    static List<LakeRow> rows(String key, byte[] content) {
        try {
            if (key.endsWith(".parquet")) {
                return parquet(content).rows();
            }
            String base = key.replaceFirst("\\.(gz|zst)$", "");
            try (InputStream in = decompressed(key, content)) {
                if (base.endsWith(".json")) {
                    return jsonLines(in);
                }
                if (base.endsWith(".csv")) {
                    return csv(in);
                }
            }
            throw new IllegalArgumentException("Not a data file: " + key);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + key, e);
        }
    }

    /** A Parquet file's rows and the codec of every column chunk. */
    static ParquetContent parquet(byte[] content) throws IOException {
        Path file = Files.createTempFile("lake", ".parquet");
        try {
            Files.write(file, content);
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                List<CompressionCodecName> codecs = new ArrayList<>();
                for (BlockMetaData block : reader.getFooter().getBlocks()) {
                    for (ColumnChunkMetaData column : block.getColumns()) {
                        codecs.add(column.getCodec());
                    }
                }
                List<LakeRow> rows = new ArrayList<>();
                PageReadStore rowGroup;
                while ((rowGroup = reader.readNextRowGroup()) != null) {
                    RecordReader<Group> records = new ColumnIOFactory()
                            .getColumnIO(schema)
                            .getRecordReader(rowGroup, new GroupRecordConverter(schema));
                    for (long i = 0; i < rowGroup.getRowCount(); i++) {
                        rows.add(new ParquetRow(records.read()));
                    }
                }
                return new ParquetContent(rows, codecs);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    record ParquetContent(List<LakeRow> rows, List<CompressionCodecName> codecs) {}

    private static InputStream decompressed(String key, byte[] content) throws IOException {
        InputStream raw = new ByteArrayInputStream(content);
        if (key.endsWith(".gz")) {
            return new GZIPInputStream(raw);
        }
        if (key.endsWith(".zst")) {
            return new ZstdInputStream(raw);
        }
        return raw;
    }

    private static List<LakeRow> jsonLines(InputStream in) throws IOException {
        List<LakeRow> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (!line.isEmpty()) {
                rows.add(new JsonLineRow(JSON.readTree(line)));
            }
        }
        return rows;
    }

    private static List<LakeRow> csv(InputStream in) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        List<LakeRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(in, StandardCharsets.UTF_8, format)) {
            for (CSVRecord record : parser) {
                rows.add(new CsvRow(record));
            }
        }
        return rows;
    }
}
