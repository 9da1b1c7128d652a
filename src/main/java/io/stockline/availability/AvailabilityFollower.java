package io.stockline.availability;

import java.util.Set;
import java.util.TreeSet;

import io.stockline.channel.ChannelChanged;
import io.stockline.inbound.InboundChanged;
import io.stockline.stock.StockChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Follows the changes that move availability, inside their transactions. Stock and inbound
 * changes only mark their SKUs; the marked SKUs are recomputed once, just before the
 * transaction commits, when it holds every stock row lock it will take. Taking the read
 * model's SKU locks only then keeps them from ever waiting in a cycle with stock row locks.
 */
@Component
class AvailabilityFollower {

    private final AvailabilityProjector projector;

    AvailabilityFollower(AvailabilityProjector projector) {
        this.projector = projector;
    }

    @EventListener
    void stockChanged(StockChanged event) {
        pending().add(event.sku());
    }

    @EventListener
    void inboundChanged(InboundChanged event) {
        pending().addAll(event.skus());
    }

    @EventListener
    void channelChanged(ChannelChanged event) {
        projector.rebuild(event.channel());
    }

    private Set<String> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException(
                    "availability follows changes only inside a transaction");
        }
        for (TransactionSynchronization synchronization
                : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingSkus pending) {
                return pending.skus;
            }
        }
        PendingSkus pending = new PendingSkus();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending.skus;
    }

    /** The SKUs a transaction changed, recomputed right before it commits. */
    private final class PendingSkus implements TransactionSynchronization {

        private final Set<String> skus = new TreeSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            projector.recompute(skus);
        }
    }
}
