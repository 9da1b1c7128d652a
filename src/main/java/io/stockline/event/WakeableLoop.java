package io.stockline.event;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread that runs a round of work when woken, and at the latest after
 * {@code poll}. After a wake-up it may linger a moment, so that the commits of a burst are
 * handled in one round. A round that fails is logged and tried again at the next wake-up.
 */
final class WakeableLoop {

    private static final Logger log = LoggerFactory.getLogger(WakeableLoop.class);

    private final String name;
    private final Duration poll;
    private final Duration linger;
    private final Runnable round;
    private final Semaphore signal = new Semaphore(0);

    private volatile boolean running;
    private Thread thread;

    WakeableLoop(String name, Duration poll, Duration linger, Runnable round) {
        this.name = name;
        this.poll = poll;
        this.linger = linger;
        this.round = round;
    }

    /** Asks for a round now; cheap, never blocks. */
    void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                if (signal.tryAcquire(poll.toNanos(), TimeUnit.NANOSECONDS)
                        && !linger.isZero()) {
                    TimeUnit.NANOSECONDS.sleep(linger.toNanos());
                }
                signal.drainPermits();
                round.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("{} round failed; trying again after at most {}", name, poll, e);
            }
        }
    }
}
