package io.stockline.availability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands every committed availability change to this node's subscribers (its near-cache),
 * on the committing thread before the request that wrote it answers. Another node's cache
 * subscribes to the same changes through the event bus.
 */
@Component
class AvailabilityFeed {

    private final List<Consumer<ChannelAvailability>> subscribers =
            new CopyOnWriteArrayList<>();

    /** Subscribes; the returned action unsubscribes. */
    Runnable subscribe(Consumer<ChannelAvailability> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(AvailabilityChanged event) {
        subscribers.forEach(subscriber -> subscriber.accept(event.availability()));
    }
}
