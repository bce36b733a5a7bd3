package io.stocklake.it.reliability;

import io.stocklake.stack.PipelineStack;
import io.stocklake.testing.StackLifecycle;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Twenty worker kills under a running source and sink with the at-least-once source (the worker default): Kafka
 * may hold a tick twice after a kill, the lake must hold every Kafka record exactly once. See {@link WorkerKillDrill}.
 */
class WorkerKillsIT {

    static final PipelineStack stack =
            PipelineStack.builder().workers(WorkerKillDrill.WORKERS).withGlue().build();

    @RegisterExtension
    @Order(1)
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    @RegisterExtension
    @Order(2)
    static final AthenaView athena = new AthenaView(stack);

    @Test
    void twentyRandomWorkerKillsLoseNoRecordAndWriteNoOffsetTwice() {
        WorkerKillDrill.run(stack, athena, TickLake.of(stack, "kills"), Map.of(), 20261124L);
    }
}
