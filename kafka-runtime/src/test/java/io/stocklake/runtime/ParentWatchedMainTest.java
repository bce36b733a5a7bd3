package io.stocklake.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParentWatchedMainTest {

    /** Stands in for a server that never returns from main. */
    public static final class Forever {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void childExitsWhenItsParentClosesTheStdinPipe() throws Exception {
        Process child = new ProcessBuilder(
                        Paths.get(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ParentWatchedMain.class.getName(),
                        Forever.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            assertThat(child.waitFor(1, TimeUnit.SECONDS))
                    .as("still running while the pipe is open")
                    .isFalse();

            child.getOutputStream().close();

            assertThat(child.waitFor(30, TimeUnit.SECONDS))
                    .as("exited after the pipe closed")
                    .isTrue();
        } finally {
            child.destroyForcibly();
        }
    }
}
