package io.stockline.event;

import io.stockline.web.Refusal;
import org.springframework.http.HttpStatus;

/** This node already serves as many live streams as it may; the client should retry. */
class StreamFull extends Refusal {

    static final int RETRY_AFTER_SECONDS = 5;

    StreamFull(int limit) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "stream-capacity",
                "this node already serves its limit of " + limit
                        + " event streams; retry in " + RETRY_AFTER_SECONDS + " s");
        with("limit", limit);
        with("retryAfterSeconds", RETRY_AFTER_SECONDS);
    }
}
