package io.stocklake.sink.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every Glue request the sink's client sends, as the SDK executes it: each call once ({@link #calls})
 * and each HTTP attempt, retries included ({@link #attempts}).
 */
public final class GlueRequests implements ExecutionInterceptor {

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<String> attempts = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    public long count(String operation) {
        return calls.stream().filter(operation::equals).count();
    }

    public void clear() {
        calls.clear();
        attempts.clear();
    }
}
