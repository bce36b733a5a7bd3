package io.stocklake.testing;

import io.stocklake.stack.PipelineStack;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * One {@link PipelineStack} for one test class: started before the first test (its logs in a folder named for the
 * class), stopped after the last, and a failing test's report names the folder of the broker's and workers' logs.
 *
 * <pre>{@code
 * static final PipelineStack stack = PipelineStack.builder().workers(2).withGlue().build();
 *
 * @RegisterExtension
 * static final StackLifecycle lifecycle = new StackLifecycle(stack);
 * }</pre>
 */
public final class StackLifecycle implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler {

    private final PipelineStack stack;

    public StackLifecycle(PipelineStack stack) {
        this.stack = stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack.start(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stack.close();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throwable.addSuppressed(new StackLogs(stack.logsDir()));
        throw throwable;
    }

    /** Names the folder with the broker's and workers' logs in a failing test's report. */
    static final class StackLogs extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StackLogs(Path logsDir) {
            super("Broker and Connect worker logs: " + logsDir, null, false, false);
        }
    }
}
