package io.stockline.event;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real SSE client over java.net.http: reads the text/event-stream line by line on its own
 * thread and queues each event; {@link #close()} drops the connection like a lost network.
 */
final class SseClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;
    private final String refusal;
    private volatile int comments;
    private volatile RuntimeException failure;

    private SseClient(HttpResponse<InputStream> response) throws IOException {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        this.reader.setDaemon(true);
        if (response.statusCode() == 200) {
            this.refusal = "";
            this.reader.start();
        } else {
            this.refusal = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static SseClient open(HttpClient http, String url, String lastEventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        return new SseClient(response);
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The body of a refused stream (not 200); empty for an open one. */
    String refusal() {
        return refusal;
    }

    int comments() {
        return comments;
    }

    /** The next event, or null when none came within the timeout. */
    Frame next(long timeout, TimeUnit unit) throws InterruptedException {
        Frame frame = frames.poll(timeout, unit);
        if (frame == null && failure != null) {
            throw new IllegalStateException("the test client failed to read the stream", failure);
        }
        return frame;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
        reader.interrupt();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        frames.add(new Frame(id, JSON.readTree(data.toString())));
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments++;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // the connection was closed: by close() or by the server
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** One event: its SSE id and its CloudEvent. */
    record Frame(String id, JsonNode event) {
    }
}
