package io.stocklake.local;

import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;

/**
 * The lake alone, in the foreground until stopped: S3, the Glue endpoint and Trino, no Kafka and no Connect. The
 * compose stack's {@code lake} image runs this with {@code --bind 0.0.0.0} so the Connect container reaches it;
 * the default stays loopback.
 */
public final class LakeMain {

    private LakeMain() {}

    public static void main(String[] args) throws Exception {
        LakeSettings settings;
        try {
            settings = LakeArgs.parse(
                    args, System.getenv(), Paths.get(".local-stack").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LakeArgs.USAGE);
            System.exit(2);
            return;
        }
        LakeServices lake = new LakeServices(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            lake.close();
                            stopped.countDown();
                        },
                        "lake-shutdown"));
        try {
            lake.start(step -> System.out.println("  - " + step));
        } catch (Exception e) {
            System.err.println("Could not start the lake: " + e.getMessage());
            System.exit(1);
        }
        // Logs stay on the console: in a container that is where they are read.
        System.out.println("Lake ready: S3 bucket " + LocalStackSettings.BUCKET + ", Glue database "
                + LocalStackSettings.DATABASE + " on first registration, Trino catalog " + LocalStackSettings.CATALOG);
        stopped.await();
    }
}
