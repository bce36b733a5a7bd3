package io.stocklake.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.stocklake.stack.PipelineStack;
import io.stocklake.testing.StackLifecycle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The worker-kill drill ({@link WorkerKillDrill}) with the exactly-once source (KIP-618) and a read_committed sink:
 * besides the lake audit, Kafka itself holds every (symbol, seq) exactly once, in order per symbol.
 */
class ExactlyOnceSourceWorkerKillsIT {

    static final PipelineStack stack = PipelineStack.builder()
            .workers(WorkerKillDrill.WORKERS)
            .withGlue()
            .workerConfig("exactly.once.source.support", "enabled")
            .build();

    @RegisterExtension
    @Order(1)
    static final StackLifecycle lifecycle = new StackLifecycle(stack);

    @RegisterExtension
    @Order(2)
    static final AthenaView athena = new AthenaView(stack);

    @Test
    void twentyRandomWorkerKillsLeaveEveryTickOnceInKafkaAndEveryOffsetOnceInTheLake() {
        List<ConsumerRecord<String, String>> records = WorkerKillDrill.run(
                stack,
                athena,
                TickLake.of(stack, "eos-kills").transactional(),
                Map.of("exactly.once.support", "required", "transaction.boundary", "poll"),
                20261125L);

        assertThat(records).as("committed records").hasSize((int) WorkerKillDrill.TICKS);
        Map<String, List<Long>> seqBySymbol = records.stream()
                .map(TickLake::identity)
                .collect(Collectors.groupingBy(
                        id -> id.substring(0, id.indexOf('#')),
                        LinkedHashMap::new,
                        Collectors.mapping(
                                id -> Long.parseLong(id.substring(id.indexOf('#') + 1)), Collectors.toList())));
        seqBySymbol.forEach((symbol, seqs) -> assertThat(seqs)
                .as(symbol)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, seqs.size()).boxed().toList()));
    }
}
