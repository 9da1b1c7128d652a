package io.stockline.event;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the transactional outbox. Call it inside the transaction of the change
 * the event describes: the event is stored if and only if that transaction commits, and the
 * relay on this node is woken right after the commit.
 */
@Service
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    private final EventLog log;
    private final EventRelay relay;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(EventLog log, EventRelay relay, JsonMapper json, Clock clock) {
        this.log = log;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Appends one event.
     *
     * @param type    one of {@link EventTypes#ALL}
     * @param subject the SKU the event is about; its per-SKU version counts this event
     * @param data    the payload, serialized as JSON; not null
     * @return the event id, which consumers use to drop duplicates
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(String type, String subject, Object data) {
        if (!EventTypes.ALL.contains(type)) {
            throw new IllegalArgumentException("unknown event type '" + type + "'");
        }
        UUID id = UUID.randomUUID();

        log.insert(id, type, subject, clock.instant(), json.writeValueAsString(data));

        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
        if (TransactionSynchronizationManager.hasResource(WAKE_REGISTERED)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(WAKE_REGISTERED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(
                                WAKE_REGISTERED);
                        if (status == STATUS_COMMITTED) {
                            relay.wake();
                        }
                    }
                });
    }
}
