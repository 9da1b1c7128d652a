package io.stockline.reservation;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.stockline.stock.Bucket;
import io.stockline.stock.Reason;
import io.stockline.stock.StockChange;
import io.stockline.stock.StockLevel;
import io.stockline.stock.StockService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes stock for the lines of a hold, all or nothing. It plans from the availability it
 * reads, records the plan (the caller's rows, written while no stock row is locked yet),
 * then carries it out with one conditional update per (SKU, location) row, in (SKU, location)
 * order so that two holds never wait on each other in a circle, and finally counts the
 * backordered units. When another writer got there first, the attempt is rolled back to its
 * savepoint and the plan made again from fresh numbers. Stock rows are taken last, so a hot
 * row stays locked only for its own update and the commit.
 */
@Component
class Acquisition {

    private static final Logger log = LoggerFactory.getLogger(Acquisition.class);
    private static final int ATTEMPTS = 20;

    private final StockService stock;
    private final Backorders backorders;
    private final TransactionTemplate savepoint;

    Acquisition(StockService stock, Backorders backorders,
            PlatformTransactionManager transactions) {
        this.stock = stock;
        this.backorders = backorders;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Why stock is taken, into which bucket, and what the ledger says about it. */
    record Purpose(Bucket bucket, Reason reason, String reference, String actor,
            String idempotencyKey) {
    }

    /**
     * Takes every line or nothing; must run inside a transaction.
     *
     * @param record writes the planned lines; runs before any stock row is locked and is
     *               rolled back with an attempt that fails
     * @return the lines with the allocations taken
     * @throws InsufficientStockForHold listing every line that is short
     */
    List<ReservationLine> acquire(List<Wanted> wanted, Purpose purpose,
            Consumer<List<ReservationLine>> record) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Plan plan = Plan.of(wanted, this::availableBySku, backorders::of);
            if (!plan.complete()) {
                throw new InsufficientStockForHold(plan.shortLines());
            }

            if (Boolean.TRUE.equals(savepoint.execute(tx -> {
                record.accept(plan.lines());
                return carryOut(plan, purpose, tx);
            }))) {
                return plan.lines();
            }
            log.debug("hold overtaken reference={} attempt={}", purpose.reference(), attempt);
        }
        throw new HoldContended(purpose.reference(), ATTEMPTS);
    }

    private boolean carryOut(Plan plan, Purpose purpose, TransactionStatus tx) {
        for (Map.Entry<Plan.Row, Long> row : plan.rows().entrySet()) {
            if (stock.tryApply(change(row.getKey(), row.getValue(), purpose)).isEmpty()) {
                tx.setRollbackOnly();
                return false;
            }
        }
        for (Map.Entry<String, Long> backorder : plan.backorders().entrySet()) {
            if (!backorders.take(backorder.getKey(), backorder.getValue())) {
                tx.setRollbackOnly();
                return false;
            }
        }
        return true;
    }

    private Map<String, Long> availableBySku(String sku) {
        return stock.levels(sku).stream()
                .collect(Collectors.toMap(StockLevel::location, StockLevel::available));
    }

    private static StockChange change(Plan.Row row, long quantity, Purpose purpose) {
        return StockChange.of(row.sku(), row.location())
                .by(purpose.bucket(), quantity)
                .keepingAvailability()
                .because(purpose.reason(), purpose.reference(), purpose.actor(),
                        purpose.idempotencyKey());
    }
}
