package io.stocklake.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another class's {@code main} in this JVM and exits when the parent process closes our standard input.
 *
 * <p>The launcher keeps the child's stdin open as a pipe for the child's whole life. When the launcher ends in
 * any way, even killed, the pipe closes and this JVM shuts down, so no broker or worker outlives the test or
 * local stack that started it.
 *
 * <p>Usage: {@code ParentWatchedMain <main class> [args...]}
 */
public final class ParentWatchedMain {

    private static final long GRACEFUL_EXIT_MILLIS = 15_000;

    private ParentWatchedMain() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ParentWatchedMain <main class> [args...]");
            System.exit(2);
        }
        watchParent(System.in);
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void watchParent(InputStream parentPipe) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        while (parentPipe.read() != -1) {
                            // The parent writes nothing; any byte is ignored.
                        }
                    } catch (IOException ignored) {
                        // A broken pipe means the same as end of stream.
                    }
                    System.err.println("Parent process is gone; shutting down.");
                    haltIfExitHangs();
                    System.exit(0);
                },
                "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void haltIfExitHangs() {
        Thread halter = new Thread(
                () -> {
                    try {
                        Thread.sleep(GRACEFUL_EXIT_MILLIS);
                    } catch (InterruptedException ignored) {
                        // Exit proceeds either way.
                    }
                    Runtime.getRuntime().halt(1);
                },
                "exit-deadline");
        halter.setDaemon(true);
        halter.start();
    }
}
