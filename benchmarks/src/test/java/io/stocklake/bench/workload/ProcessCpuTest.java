package io.stocklake.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void theCpuTimeOfAProcessGrowsAsItWorks() {
        ProcessCpu cpu = ProcessCpu.of(ProcessHandle.current().pid());
        long before = cpu.getAsLong();

        long sum = 0;
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until) {
            sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
        }

        assertThat(sum).isPositive();
        assertThat(cpu.getAsLong()).isGreaterThan(before);
    }
}
