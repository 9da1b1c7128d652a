package io.stockline.event;

import java.time.Instant;

import io.stockline.stock.LedgerEntry;
import io.stockline.stock.StockChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns every stock movement into an outbox event, inside the movement's transaction.
 */
@Component
class StockEvents {

    private final Outbox outbox;

    StockEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(StockChanged changed) {
        LedgerEntry entry = changed.entry();
        outbox.append(EventTypes.of(entry), entry.sku(), StockMoved.of(entry));
    }

    /** The {@code data} of a stock event. */
    record StockMoved(String sku, String location, String reason, String reference,
            long ledgerEntryId, LedgerEntry.Buckets delta, LedgerEntry.Buckets levels,
            long available, long version, Instant occurredAt) {

        static StockMoved of(LedgerEntry entry) {
            return new StockMoved(entry.sku(), entry.location(), entry.reason().name(),
                    entry.reference(), entry.id(), entry.delta(), entry.result(),
                    entry.level().available(), entry.version(), entry.occurredAt());
        }
    }
}
