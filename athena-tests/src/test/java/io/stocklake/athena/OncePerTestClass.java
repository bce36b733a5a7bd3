package io.stocklake.athena;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Class-level extensions run once for a test class and its {@code @Nested} classes together. JUnit calls a
 * {@code @RegisterExtension} field's before/after-all callbacks again for every nested class, which would start a
 * second stack for each; this starts the delegates (in order) for the top-level class only, and stops them in
 * reverse order after it. Failures are still handed to delegates that handle them (the stack names its log folder).
 */
final class OncePerTestClass implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler {

    private final List<Extension> delegates;

    private OncePerTestClass(List<Extension> delegates) {
        this.delegates = List.copyOf(delegates);
    }

    static OncePerTestClass of(Extension... delegates) {
        return new OncePerTestClass(List.of(delegates));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (isTopLevel(context)) {
            for (Extension delegate : delegates) {
                if (delegate instanceof BeforeAllCallback callback) {
                    callback.beforeAll(context);
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (isTopLevel(context)) {
            List<Extension> reversed = new ArrayList<>(delegates);
            Collections.reverse(reversed);
            Exception failure = null;
            for (Extension delegate : reversed) {
                try {
                    if (delegate instanceof AfterAllCallback callback) {
                        callback.afterAll(context);
                    }
                } catch (Exception e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Throwable handled = throwable;
        for (Extension delegate : delegates) {
            if (delegate instanceof TestExecutionExceptionHandler handler) {
                try {
                    handler.handleTestExecutionException(context, handled);
                } catch (Throwable rethrown) {
                    handled = rethrown;
                }
            }
        }
        throw handled;
    }

    private static boolean isTopLevel(ExtensionContext context) {
        return context.getRequiredTestClass().getEnclosingClass() == null;
    }
}
