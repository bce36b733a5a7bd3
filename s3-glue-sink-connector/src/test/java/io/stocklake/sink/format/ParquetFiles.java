package io.stocklake.sink.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.Encoding;
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

/** Reads a Parquet file back with parquet-java's own reader and its Hadoop codecs. */
final class ParquetFiles {

    /** What a reader sees of a file. */
    record Content(MessageType schema, List<Group> rows, List<CompressionCodecName> codecs, int rowGroups) {}

    private ParquetFiles() {}

    /** The encodings of each column chunk of the first row group, by dotted column path. */
    static Map<String, Set<Encoding>> encodings(byte[] file) throws IOException {
        Path path = Files.createTempFile("format-test", ".parquet");
        try {
            Files.write(path, file);
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(path))) {
                Map<String, Set<Encoding>> encodings = new LinkedHashMap<>();
                for (ColumnChunkMetaData column :
                        reader.getFooter().getBlocks().get(0).getColumns()) {
                    encodings.put(column.getPath().toDotString(), column.getEncodings());
                }
                return encodings;
            }
        } finally {
            Files.deleteIfExists(path);
        }
    }

    static Content read(byte[] file) throws IOException {
        Path path = Files.createTempFile("format-test", ".parquet");
        try {
            Files.write(path, file);
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(path))) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                List<CompressionCodecName> codecs = new ArrayList<>();
                for (BlockMetaData block : reader.getFooter().getBlocks()) {
                    for (ColumnChunkMetaData column : block.getColumns()) {
                        codecs.add(column.getCodec());
                    }
                }
                List<Group> rows = new ArrayList<>();
                PageReadStore rowGroup;
                while ((rowGroup = reader.readNextRowGroup()) != null) {
                    RecordReader<Group> records = new ColumnIOFactory()
                            .getColumnIO(schema)
                            .getRecordReader(rowGroup, new GroupRecordConverter(schema));
                    for (long i = 0; i < rowGroup.getRowCount(); i++) {
                        rows.add(records.read());
                    }
                }
                return new Content(
                        schema, rows, codecs, reader.getFooter().getBlocks().size());
            }
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
