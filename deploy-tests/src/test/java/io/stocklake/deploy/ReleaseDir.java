package io.stocklake.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** What the release module gathered for this build's version: archives, sha512 files, Strimzi resources. */
final class ReleaseDir {

    static final String VERSION = System.getProperty("stocklake.version");
    static final String KAFKA_VERSION = System.getProperty("stocklake.kafka.version");
    static final Path DIR = Project.DIR.resolve("release/target/release");
    static final Path STRIMZI = DIR.resolve("strimzi");
    static final List<String> ARCHIVES =
            List.of("stock-source-connector", "s3-glue-sink-connector", "compaction-connector");

    private ReleaseDir() {}

    static Path archive(String name) {
        return DIR.resolve(name + "-" + VERSION + ".zip");
    }

    static String sha512(Path file) {
        try (DigestInputStream in =
                new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-512"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
