package io.stockline.event;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live SSE subscribers of this node. The relay hands every batch to
 * {@link #publish}; each {@link Subscriber} first replays the log from its cursor and then
 * takes live events, and the hand-over between the two is decided under the subscriber's
 * lock against {@link #dispatched()}, so that no event is lost or sent twice.
 */
@Component
class EventStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    private final EventLog events;
    private final SyncLatency latency;
    private final EventProperties properties;
    private final JsonMapper json;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();

    private volatile long dispatched;
    private volatile boolean running;

    EventStream(EventLog events, SyncLatency latency, EventProperties properties,
            JsonMapper json) {
        this.events = events;
        this.latency = latency;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Opens a stream of the events after {@code after} (null: from now on).
     *
     * @throws StreamFull when this node already serves {@code max-subscribers} streams
     */
    SseEmitter subscribe(EventFilter filter, Long after) {
        if (open.incrementAndGet() > properties.maxSubscribers()) {
            open.decrementAndGet();
            throw new StreamFull(properties.maxSubscribers());
        }
        long cursor = after != null ? after : events.head();
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Subscriber subscriber = new Subscriber(this, emitter, filter, cursor);
        subscribers.add(subscriber);
        subscriber.start();
        return emitter;
    }

    /** Hands a batch of newly numbered events, ending at {@code last}, to every subscriber. */
    void publish(List<EventPublished> batch, long last) {
        List<Frame> frames = frames(batch);
        dispatched = last;
        for (Subscriber subscriber : subscribers) {
            subscriber.offer(frames);
        }
    }

    /** Renders each event's SSE frame once, however many subscribers will send it. */
    static List<Frame> frames(List<EventPublished> batch) {
        return batch.stream()
                .map(published -> new Frame(published.event(),
                        frame(published.event().sequence(), published.json())))
                .toList();
    }

    static String frame(long sequence, String json) {
        return "id: " + sequence + "\ndata: " + json + "\n\n";
    }

    /** An event and its text on the wire. */
    record Frame(CloudEvent event, String text) {
    }

    void startAt(long head) {
        dispatched = head;
    }

    /** The last sequence handed to subscribers; set before they are offered it. */
    long dispatched() {
        return dispatched;
    }

    int openStreams() {
        return open.get();
    }

    EventLog log() {
        return events;
    }

    SyncLatency latency() {
        return latency;
    }

    JsonMapper json() {
        return json;
    }

    EventProperties properties() {
        return properties;
    }

    void closed(Subscriber subscriber) {
        if (subscribers.remove(subscriber)) {
            open.decrementAndGet();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        log.info("event stream closing subscribers={}", subscribers.size());
        subscribers.forEach(Subscriber::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
