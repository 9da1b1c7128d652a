package io.stockline.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The {@code stockline.sync.latency} histogram: from an event's write (its {@code time},
 * taken inside the writing transaction just before commit) to its hand-over to a sink.
 */
@Component
class SyncLatency {

    static final String NAME = "stockline.sync.latency";

    private final Timer sse;
    private final Timer webhook;
    private final Timer inProcess;
    private final Clock clock;

    SyncLatency(MeterRegistry registry, Clock clock) {
        this.sse = timer(registry, "sse");
        this.webhook = timer(registry, "webhook");
        this.inProcess = timer(registry, "in-process");
        this.clock = clock;
    }

    void sse(Instant occurredAt) {
        record(sse, occurredAt);
    }

    void webhook(Instant occurredAt) {
        record(webhook, occurredAt);
    }

    void inProcess(Instant occurredAt) {
        record(inProcess, occurredAt);
    }

    private void record(Timer timer, Instant occurredAt) {
        Duration latency = Duration.between(occurredAt, clock.instant());
        timer.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    private static Timer timer(MeterRegistry registry, String sink) {
        return Timer.builder(NAME)
                .description("Time from an event's commit to its delivery, per sink")
                .tag("sink", sink)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
    }
}
