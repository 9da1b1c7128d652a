package io.stockline.bench;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one scenario in microseconds, recorded from many threads.
 */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(
            TimeUnit.MINUTES.toMicros(5), 3);

    void record(long startNanos) {
        long micros = (System.nanoTime() - startNanos) / 1000;
        histogram.recordValue(Math.max(0, Math.min(micros, histogram.getHighestTrackableValue())));
    }

    void recordMicros(long micros) {
        histogram.recordValue(Math.max(0, Math.min(micros, histogram.getHighestTrackableValue())));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double p50Millis() {
        return histogram.getValueAtPercentile(50) / 1000.0;
    }

    double p99Millis() {
        return histogram.getValueAtPercentile(99) / 1000.0;
    }

    double maxMillis() {
        return histogram.getMaxValue() / 1000.0;
    }

    Histogram histogram() {
        return histogram;
    }
}
