package io.bouncesweeper.job;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs each mailbox partition with the step built for that mailbox, at most {@code parallelism}
 * at a time. Spring Batch's own handler runs one step for all partitions; here every mailbox has
 * its own connection, reader and writer, so each partition gets its own step.
 */
class MailboxPartitionHandler implements PartitionHandler {
    static final String PARTITION_KEY = "mailbox.partition";

    private final Map<String, Step> stepsByPartition;
    private final int parallelism;

    MailboxPartitionHandler(Map<String, Step> stepsByPartition, int parallelism) {
        this.stepsByPartition = stepsByPartition;
        this.parallelism = parallelism;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStepExecution) throws Exception {
        Set<StepExecution> partitions = splitter.split(managerStepExecution, stepsByPartition.size());
        if (partitions.isEmpty()) {
            return partitions;
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallelism, partitions.size()), r -> {
            Thread t = new Thread(r, "sweep-" + r.hashCode());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<StepExecution>> running = new ArrayList<>();
            for (StepExecution partition : partitions) {
                Step step = stepsByPartition.get(partition.getExecutionContext().getString(PARTITION_KEY));
                running.add(executor.submit(() -> {
                    step.execute(partition);
                    return partition;
                }));
            }
            List<StepExecution> done = new ArrayList<>();
            for (Future<StepExecution> f : running) {
                done.add(f.get());
            }
            return done;
        } finally {
            executor.shutdownNow();
        }
    }
}
