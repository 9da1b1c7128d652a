package io.stockline.channel;

import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.stockline.location.LocationSaved;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * All channels held in memory for hot read paths; dropped after every committed save of a
 * channel or location on this node and after {@code stockline.channels.snapshot-ttl} at the latest.
 */
@Component
class ChannelSnapshot {

    private final Cache<Boolean, Map<String, Channel>> cache;

    ChannelSnapshot(ChannelProperties properties) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.snapshotTtl())
                .maximumSize(1)
                .build();
    }

    Map<String, Channel> get(Supplier<Map<String, Channel>> load) {
        return cache.get(Boolean.TRUE, ignored -> load.get());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void channelChanged(ChannelChanged event) {
        cache.invalidateAll();
    }

    /** A new or deactivated location changes what channels (the default above all) sell. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void locationSaved(LocationSaved event) {
        cache.invalidateAll();
    }
}
