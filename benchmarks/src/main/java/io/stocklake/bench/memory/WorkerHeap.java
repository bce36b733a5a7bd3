package io.stocklake.bench.memory;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The heap of another JVM on this machine (a Connect worker), read over JMX through the Attach API's local
 * management agent: no JVM option needed at its start.
 */
final class WorkerHeap implements AutoCloseable {

    private final JMXConnector connector;
    private final MemoryMXBean memory;
    private final List<MemoryPoolMXBean> heapPools;

    private WorkerHeap(JMXConnector connector, MemoryMXBean memory, List<MemoryPoolMXBean> heapPools) {
        this.connector = connector;
        this.memory = memory;
        this.heapPools = heapPools;
    }

    static WorkerHeap attach(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            MBeanServerConnection server = connector.getMBeanServerConnection();
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(
                    server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            List<MemoryPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .toList();
            return new WorkerHeap(connector, memory, pools);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot attach to JVM " + pid, e);
        }
    }

    /** Heap in use now, garbage included. */
    long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Heap in use right after a full collection: what the process actually holds. */
    long liveAfterGc() {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The heap's maximum size (-Xmx). */
    long max() {
        return memory.getHeapMemoryUsage().getMax();
    }

    /** Starts the pools' peak usage afresh. */
    void resetPeaks() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of each heap pool's peak since {@link #resetPeaks()}: an upper bound of the peak heap. */
    long sumOfPoolPeaks() {
        return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // The worker may be gone already.
        }
    }
}
