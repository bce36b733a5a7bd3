package io.stocklake.testing.s3;

import io.stocklake.stack.PipelineStack;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An {@link S3TrafficProxy} in front of a stack's S3 server for one test class: started before the first test, its
 * faults cleared after each test, so no test inherits another's, and closed after the last. Register it after the
 * stack's {@code StackLifecycle}, whose S3 server it needs.
 *
 * <pre>{@code
 * @RegisterExtension
 * @Order(2)
 * static final S3ProxyLifecycle s3 = new S3ProxyLifecycle(stack);
 * }</pre>
 */
public final class S3ProxyLifecycle implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final PipelineStack stack;
    private S3TrafficProxy proxy;

    public S3ProxyLifecycle(PipelineStack stack) {
        this.stack = stack;
    }

    /** The running proxy. */
    public S3TrafficProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("the S3 proxy starts before the first test");
        }
        return proxy;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        proxy = S3TrafficProxy.start(stack.s3().endpoint());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        proxy().clearFaults();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (proxy != null) {
            proxy.close();
        }
    }
}
