package io.stockline.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-over from replay to live, and the bounded buffer, of one SSE subscriber. */
class SubscriberTests {

    static final int BUFFER = 16;

    final EventStream stream = new EventStream(null, null, new EventProperties("/stockline",
            Duration.ofMillis(250), 500, Duration.ZERO, Duration.ofSeconds(15),
            Duration.ofMinutes(30), 10, BUFFER), null);

    @Test
    void eventsOfferedBeforeGoingLiveAreLeftToTheReplay() {
        Subscriber subscriber = subscriberAt(10);

        subscriber.offer(events("SKU-1", 11, 12));

        assertThat(subscriber.queue).isEmpty();
    }

    @Test
    void goingLiveIsRefusedWhileEventsAfterTheReplayedCursorWereDispatched() {
        Subscriber subscriber = subscriberAt(10);
        stream.publish(List.of(), 12);

        boolean liveAt10 = subscriber.goLive(10);
        boolean liveAt12 = subscriber.goLive(12);

        assertThat(liveAt10).isFalse();
        assertThat(liveAt12).isTrue();
    }

    @Test
    void liveEventsAtOrBelowTheCursorAreNotQueuedAgain() {
        Subscriber subscriber = subscriberAt(10);
        subscriber.goLive(12);

        subscriber.offer(events("SKU-1", 11, 14));

        assertThat(subscriber.queue).extracting(e -> e.event().sequence())
                .containsExactly(13L, 14L);
    }

    @Test
    void filteredOutEventsMoveTheCursorWithoutBeingQueued() {
        Subscriber subscriber = new Subscriber(stream, new SseEmitter(),
                new EventFilter("SKU-1", List.of()), 0);
        subscriber.goLive(0);

        subscriber.offer(events("SKU-2", 1, 3));
        subscriber.offer(events("SKU-1", 2, 4));

        assertThat(subscriber.queue).extracting(e -> e.event().sequence())
                .containsExactly(4L);
    }

    @Test
    void clientThatFallsBehindItsBufferIsCutOffInsteadOfBlockingTheRelay() {
        Subscriber subscriber = subscriberAt(0);
        subscriber.goLive(0);

        subscriber.offer(events("SKU-1", 1, BUFFER + 5));

        assertThat(subscriber.isCutOff()).isTrue();
        assertThat(subscriber.queue).hasSize(BUFFER);
    }

    private Subscriber subscriberAt(long cursor) {
        return new Subscriber(stream, new SseEmitter(), EventFilter.ALL, cursor);
    }

    private static List<EventStream.Frame> events(String sku, long from, long to) {
        return EventStream.frames(LongStream.rangeClosed(from, to)
                .mapToObj(sequence -> new EventPublished(new CloudEvent("1.0",
                        UUID.randomUUID().toString(), "/stockline", "stock.adjusted",
                        Instant.EPOCH, sku, "application/json", sequence, sequence, "{}"), "{}"))
                .toList());
    }
}
