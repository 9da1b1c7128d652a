package io.stockline.event;

import java.util.List;

import io.stockline.web.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** REST and SSE access to the event log: catch up from a cursor, then follow live. */
@RestController
@RequestMapping("/api/v1/events")
class EventController {

    static final int MAX_LIMIT = 1000;

    private final EventLog events;
    private final EventStream stream;
    private final EventProperties properties;

    EventController(EventLog events, EventStream stream, EventProperties properties) {
        this.events = events;
        this.stream = stream;
        this.properties = properties;
    }

    @GetMapping
    EventPage page(@RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") String limit,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String type) {
        long from = cursor("after", after == null ? "0" : after);
        int size = limit(limit);
        EventFilter filter = EventFilter.of(sku, type);

        long head = events.head();
        List<StoredEvent> page = events.read(filter, from, head, size);

        long next = page.size() == size ? page.get(size - 1).sequence() : Math.max(from, head);
        List<CloudEvent> items = page.stream()
                .map(event -> CloudEvent.of(event, properties.source()))
                .toList();
        return new EventPage(items, next);
    }

    @GetMapping(path = "/stream", produces = {MediaType.TEXT_EVENT_STREAM_VALUE,
            MediaType.ALL_VALUE})
    ResponseEntity<SseEmitter> stream(@RequestParam(required = false) String after,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String type,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Long from = null;
        if (lastEventId != null) {
            from = cursor("Last-Event-ID", lastEventId);
        } else if (after != null) {
            from = cursor("after", after);
        }
        EventFilter filter = EventFilter.of(sku, type);

        SseEmitter emitter = stream.subscribe(filter, from);

        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    @ExceptionHandler(StreamFull.class)
    ResponseEntity<ProblemDetail> full(StreamFull full) {
        return ResponseEntity.status(full.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(StreamFull.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(full.toProblem());
    }

    private static long cursor(String field, String raw) {
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the value that was given
        }
        throw new InvalidInput(field, "sequence",
                "must be an event sequence number (a whole number >= 0), was '" + raw + "'");
    }

    private static int limit(String raw) {
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the value that was given
        }
        throw new InvalidInput("limit", "range",
                "must be a whole number between 1 and " + MAX_LIMIT + ", was '" + raw + "'");
    }

    /**
     * One page of the log.
     *
     * @param next the cursor for the next call ({@code after=next}); it passes over events
     *             the filter skipped, so a filtered reader does not rescan them
     */
    record EventPage(List<CloudEvent> events, long next) {
    }
}
