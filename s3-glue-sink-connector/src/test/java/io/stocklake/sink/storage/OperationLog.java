package io.stocklake.sink.storage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records the S3 operations a client sends (once per call and once per attempt) and can fail chosen ones. */
final class OperationLog implements ExecutionInterceptor {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> attempts = new CopyOnWriteArrayList<>();
    private volatile Predicate<String> failing = op -> false;

    void fail(Predicate<String> operations) {
        this.failing = operations;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.add(operation);
        if (failing.test(operation)) {
            throw SdkClientException.create("planted failure of " + operation);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
}
