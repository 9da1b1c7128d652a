package io.stockline.reservation;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back the stock of reservations past their {@code expiresAt}, a batch per transaction.
 * Several nodes may sweep at once: each batch claims its rows with {@code SKIP LOCKED}, and
 * the status transition decides, so every reservation expires exactly once.
 */
@Component
class ExpirySweeper {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);

    private final ReservationService reservations;
    private final ReservationProperties properties;
    private final Clock clock;

    ExpirySweeper(ReservationService reservations, ReservationProperties properties,
            Clock clock) {
        this.reservations = reservations;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${stockline.reservation.sweep-interval:PT1S}",
            initialDelayString = "${stockline.reservation.sweep-interval:PT1S}")
    void sweep() {
        sweep(clock.instant());
    }

    /**
     * Expires every reservation due at {@code now}, batch after batch.
     *
     * @return how many reservations this call expired
     */
    int sweep(Instant now) {
        long started = System.nanoTime();
        int total = 0;
        int expired;
        do {
            expired = reservations.expireDue(now, properties.sweepBatchSize());
            total += expired;
        } while (expired == properties.sweepBatchSize());

        if (total > 0) {
            log.info("expired {} reservations in {} ms", total,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return total;
    }
}
