/**
 * File formats: how a batch of records becomes the bytes of one S3 object that Athena can query.
 *
 * <p>{@link io.stocklake.sink.format.FileFormats#create} picks a {@link io.stocklake.sink.format.FileFormat};
 * each file is written by one {@link io.stocklake.sink.format.RecordFileWriter}, which takes a record whole or
 * rejects it with a {@code DataException} before any of it reaches the file.
 *
 * <ul>
 *   <li>JSON lines for {@code org.apache.hive.hcatalog.data.JsonSerDe}: timestamps as
 *       {@code yyyy-MM-dd HH:mm:ss.SSS} UTC, dates as {@code yyyy-MM-dd}, decimals as numbers, bytes as base64.
 *   <li>CSV with a header row and the same texts. Athena's {@code LazySimpleSerDe} does not unquote, so typed
 *       CSV tables suit only values without commas, quotes or line breaks.
 *   <li>Parquet with INT64 TIMESTAMP(MILLIS, UTC) timestamps and standard LIST/MAP layouts, written without
 *       Hadoop on the classpath; dictionaries only in string and bytes columns. Structs go field by field
 *       into parquet-java's record consumer ({@link io.stocklake.sink.format.StructWriteSupport}), with no row
 *       object per record, once a separate pass has checked the whole record.
 * </ul>
 *
 * <p>{@link io.stocklake.sink.format.RecordFileWriter#overheadBytes()} tells the memory bound what an open
 * writer holds besides its encoded bytes, from measurements per format.
 *
 * <p>Writers hand their stream pieces as small as one record: give them a buffered stream.
 */
package io.stocklake.sink.format;
