package io.stockline.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One SSE client. Its own thread writes to it, so a client that reads slowly blocks only
 * itself; when its bounded queue fills up it is cut off and resumes with Last-Event-ID.
 * <p>
 * {@code cursor} is the last sequence this client has been given or has skipped. While
 * replaying, the thread reads the log after the cursor; it goes live only when, under this
 * object's lock, no event after the cursor has been dispatched yet. Live events are then
 * queued in {@link #offer} under the same lock, and only those after the cursor.
 */
class Subscriber {

    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);
    private static final MediaType SSE_TEXT = new MediaType("text", "plain",
            StandardCharsets.UTF_8);
    private static final int REPLAY_PAGE = 500;

    private final EventStream stream;
    private final SseEmitter emitter;
    private final EventFilter filter;
    final BlockingQueue<EventStream.Frame> queue;

    private long cursor;
    private boolean live;
    private volatile boolean closed;
    private volatile boolean cutOff;
    private Thread thread;

    Subscriber(EventStream stream, SseEmitter emitter, EventFilter filter, long cursor) {
        this.stream = stream;
        this.emitter = emitter;
        this.filter = filter;
        this.cursor = cursor;
        this.queue = new ArrayBlockingQueue<>(stream.properties().subscriberBuffer());
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(error -> close());
    }

    void start() {
        thread = new Thread(null, this::run, "sse-subscriber", 256 * 1024);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the live events this client wants; cuts the client off when it lags. */
    synchronized void offer(List<EventStream.Frame> batch) {
        if (!live || closed) {
            return;
        }
        for (EventStream.Frame event : batch) {
            if (event.event().sequence() <= cursor) {
                continue;
            }
            cursor = event.event().sequence();
            if (filter.matches(event.event()) && !queue.offer(event)) {
                cutOff();
                return;
            }
        }
    }

    boolean isCutOff() {
        return cutOff;
    }

    private void cutOff() {
        cutOff = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        try {
            write(": connected\nretry: 1000\n\n");
            replay();
            forwardLive();
        } catch (IOException e) {
            log.debug("sse subscriber gone cursor={} reason={}", cursor, e.toString());
        } catch (RuntimeException e) {
            log.warn("sse subscriber failed, closing its stream cursor={}", cursor, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finish();
        }
    }

    private void replay() throws IOException {
        while (!closed) {
            long head = stream.log().head();
            long from = cursorNow();
            List<StoredEvent> page = stream.log().read(filter, from, head, REPLAY_PAGE);
            sendStored(page);
            boolean full = page.size() == REPLAY_PAGE;
            long reached = full ? page.get(page.size() - 1).sequence() : Math.max(head, from);
            if (!full && goLive(reached)) {
                return;
            }
            advanceTo(reached);
        }
    }

    private synchronized long cursorNow() {
        return cursor;
    }

    private synchronized void advanceTo(long sequence) {
        cursor = Math.max(cursor, sequence);
    }

    /** Goes live at {@code reached} unless events after it were dispatched meanwhile. */
    synchronized boolean goLive(long reached) {
        cursor = Math.max(cursor, reached);
        if (stream.dispatched() > cursor) {
            return false;
        }
        live = true;
        return true;
    }

    private void forwardLive() throws IOException, InterruptedException {
        long heartbeat = stream.properties().heartbeatInterval().toNanos();
        List<EventStream.Frame> batch = new ArrayList<>();
        while (!closed && !cutOff) {
            EventStream.Frame first = queue.poll(heartbeat, TimeUnit.NANOSECONDS);
            if (first == null) {
                write(": heartbeat\n\n");
                continue;
            }
            batch.add(first);
            queue.drainTo(batch);
            sendLive(batch);
            batch.clear();
        }
    }

    private void sendStored(List<StoredEvent> page) throws IOException {
        if (page.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (StoredEvent stored : page) {
            CloudEvent event = CloudEvent.of(stored, stream.properties().source());
            text.append(EventStream.frame(event.sequence(),
                    stream.json().writeValueAsString(event)));
        }
        write(text.toString());
    }

    private void sendLive(List<EventStream.Frame> batch) throws IOException {
        if (batch.size() == 1) {
            write(batch.get(0).text());
        } else {
            StringBuilder text = new StringBuilder();
            batch.forEach(frame -> text.append(frame.text()));
            write(text.toString());
        }
        for (EventStream.Frame frame : batch) {
            stream.latency().sse(frame.event().time());
        }
    }

    private void write(String text) throws IOException {
        emitter.send(Set.of(new ResponseBodyEmitter.DataWithMediaType(text, SSE_TEXT)));
    }

    private void finish() {
        if (cutOff) {
            log.info("sse subscriber cut off as too slow cursor={} buffer={}", cursor,
                    queue.remainingCapacity() + queue.size());
        }
        closed = true;
        stream.closed(this);
        try {
            emitter.complete();
        } catch (RuntimeException e) {
            log.debug("sse subscriber already completed reason={}", e.toString());
        }
    }
}
