package io.stockline.reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.stockline.web.Refusal;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for hot SKUs. A hold of a SKU that nobody else is holding runs at once, on
 * its caller's thread. Holds of that SKU arriving while it or a batch runs wait in the SKU's
 * lane and then run together: one transaction, each hold in a savepoint of its own, one
 * commit. A hot stock row is then locked once per batch instead of
 * once per request, and the commit's flush to disk is shared, so a flash sale is no longer
 * capped by one commit at a time. Every hold keeps its own all-or-nothing answer: a refused
 * hold rolls back to its savepoint and the others still commit.
 *
 * <p>Only holds of a single SKU are combined, so a batch locks rows of one SKU only and two
 * lanes never wait on each other. When a batch as a whole fails (a lost connection, a
 * deadlock with another writer), each of its holds runs again alone.
 */
@Component
class HoldCombiner {

    /** Holds per group commit: its count is batches, its total is holds. */
    static final String BATCH_SIZE_METRIC = "stockline.reservation.hold.batch.size";

    private static final Logger log = LoggerFactory.getLogger(HoldCombiner.class);

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final TransactionTemplate batch;
    private final TransactionTemplate alone;
    private final TransactionTemplate savepoint;
    private final int maxBatch;
    private final DistributionSummary batchSizes;

    HoldCombiner(PlatformTransactionManager transactions, ReservationProperties properties,
            MeterRegistry meters) {
        this.workers = Executors.newFixedThreadPool(properties.combinerWorkers(), runnable -> {
            Thread thread = new Thread(runnable, "hold-combiner");
            thread.setDaemon(true);
            return thread;
        });
        this.batch = new TransactionTemplate(transactions);
        this.alone = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.maxBatch = properties.combinerBatchSize();
        this.batchSizes = DistributionSummary.builder(BATCH_SIZE_METRIC)
                .description("Holds of one SKU committed in one transaction")
                .register(meters);
    }

    /**
     * Runs the hold and answers it. When no other hold of the SKU is under way, it runs at
     * once on the caller's thread, alone; holds that arrive meanwhile wait in the SKU's lane
     * and are committed together by a worker.
     *
     * @throws Refusal the hold's own refusal, exactly as if it had run alone
     */
    <T> T submit(String sku, Supplier<T> hold) {
        Lane fresh = new Lane();
        Lane lane = lanes.putIfAbsent(sku, fresh);
        if (lane == null) {
            return lead(sku, fresh, hold);
        }
        Pending<T> pending = new Pending<>(hold);
        lane.queue.add(pending);
        if (lane.running.compareAndSet(false, true)) {
            workers.execute(() -> drain(sku, lane));
        }
        return pending.await();
    }

    /** The first hold of a quiet SKU: no hand-over to a worker, no waiting. */
    private <T> T lead(String sku, Lane lane, Supplier<T> hold) {
        batchSizes.record(1);
        try {
            return alone.execute(tx -> hold.get());
        } finally {
            if (!lane.running.get() && lane.queue.isEmpty()) {
                lanes.remove(sku, lane);
            }
        }
    }

    private void drain(String sku, Lane lane) {
        do {
            List<Pending<?>> next;
            while (!(next = take(lane)).isEmpty()) {
                run(next);
            }
            lane.running.set(false);
        } while (!lane.queue.isEmpty() && lane.running.compareAndSet(false, true));

        // A hold that slips in after this removal starts a drain of its own; at worst one
        // SKU has two lanes for a moment, which costs batching, not correctness.
        lanes.remove(sku, lane);
    }

    private List<Pending<?>> take(Lane lane) {
        List<Pending<?>> next = new ArrayList<>();
        Pending<?> pending;
        while (next.size() < maxBatch && (pending = lane.queue.poll()) != null) {
            next.add(pending);
        }
        return next;
    }

    private void run(List<Pending<?>> next) {
        batchSizes.record(next.size());
        try {
            batch.executeWithoutResult(tx -> next.forEach(this::runInSavepoint));
        } catch (RuntimeException failed) {
            log.warn("hold batch of size={} failed as a whole, running each alone: {}",
                    next.size(), failed.toString());
            next.forEach(pending -> pending.runAlone(alone));
            return;
        }
        next.forEach(pending -> pending.complete(alone));
    }

    private void runInSavepoint(Pending<?> pending) {
        pending.runIn(savepoint);
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }

    /** The holds of one SKU waiting for the next batch, and whether a worker drains them. */
    private static final class Lane {
        final Queue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean();
    }

    /** One hold waiting in a lane, and its outcome once its batch committed. */
    private static final class Pending<T> {

        private final Supplier<T> hold;
        private final CompletableFuture<T> answer = new CompletableFuture<>();
        private T result;
        private RuntimeException refusal;
        private boolean retryAlone;

        Pending(Supplier<T> hold) {
            this.hold = hold;
        }

        void runIn(TransactionTemplate savepoint) {
            try {
                result = savepoint.execute(tx -> hold.get());
            } catch (Refusal refused) {
                refusal = refused;
            } catch (RuntimeException broken) {
                retryAlone = true;
            }
        }

        /** Answers the caller once the batch has committed; a broken hold runs again alone. */
        void complete(TransactionTemplate alone) {
            if (refusal != null) {
                answer.completeExceptionally(refusal);
            } else if (retryAlone) {
                runAlone(alone);
            } else {
                answer.complete(result);
            }
        }

        void runAlone(TransactionTemplate alone) {
            try {
                answer.complete(alone.execute(tx -> hold.get()));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }

        T await() {
            try {
                return answer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a hold", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
