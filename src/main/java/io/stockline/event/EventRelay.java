package io.stockline.event;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Numbers committed outbox events and hands them to this node's sinks.
 * <p>
 * One thread per node. It wakes right after a local commit ({@link #wake()}, called by the
 * outbox after commit) and otherwise every {@code relay-poll-interval}, which is how events
 * written on other nodes reach this node's subscribers. Numbering takes a transaction-scoped
 * advisory lock, so only one node numbers at a time; every node then reads the numbered log
 * after its own cursor and fans the events out in sequence order: in-process listeners,
 * the SSE stream, the webhook worker.
 */
@Component
class EventRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

    private final EventLog events;
    private final EventStream stream;
    private final WebhookWorker webhooks;
    private final ApplicationEventPublisher publisher;
    private final SyncLatency latency;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final EventProperties properties;
    private final Clock clock;
    private final WakeableLoop loop;

    private volatile long dispatched;

    EventRelay(EventLog events, EventStream stream, WebhookWorker webhooks,
            ApplicationEventPublisher publisher, SyncLatency latency,
            TransactionTemplate transactions, JsonMapper json, EventProperties properties,
            Clock clock) {
        this.events = events;
        this.stream = stream;
        this.webhooks = webhooks;
        this.publisher = publisher;
        this.latency = latency;
        this.transactions = transactions;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.loop = new WakeableLoop("event-relay", properties.relayPollInterval(),
                properties.relayLinger(), this::relay);
    }

    /** Asks the relay to look for new events now; cheap, never blocks. */
    void wake() {
        loop.wake();
    }

    @Override
    public void start() {
        dispatched = events.head();
        stream.startAt(dispatched);
        loop.start();
        log.info("event relay started at sequence={} poll={}", dispatched,
                properties.relayPollInterval());
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** One round: number what has committed, then dispatch what is new. */
    void relay() {
        while (numberBatch() == properties.relayBatchSize()) {
            log.debug("event relay numbered a full batch, continuing");
        }
        List<StoredEvent> batch;
        do {
            batch = events.read(EventFilter.ALL, dispatched, events.head(),
                    properties.relayBatchSize());
            dispatch(batch);
        } while (batch.size() == properties.relayBatchSize());
    }

    private int numberBatch() {
        Integer numbered = transactions.execute(tx -> events.tryLockRelay()
                ? events.number(properties.relayBatchSize(), clock.instant())
                : 0);
        return numbered == null ? 0 : numbered;
    }

    private void dispatch(List<StoredEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<EventPublished> published = batch.stream().map(this::published).toList();
        dispatched = batch.get(batch.size() - 1).sequence();

        stream.publish(published, dispatched);
        for (EventPublished event : published) {
            publisher.publishEvent(event);
            latency.inProcess(event.event().time());
        }
        webhooks.wake();
    }

    private EventPublished published(StoredEvent stored) {
        CloudEvent event = CloudEvent.of(stored, properties.source());
        return new EventPublished(event, json.writeValueAsString(event));
    }
}
