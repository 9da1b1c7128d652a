package io.stockline.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for tests: JSON in, {@link Answer} out. Thread-safe.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A name no other test uses: {@code prefix-<random>}. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** URL-encodes one path segment or query value. */
    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Answer delete(String path, Map<String, String> headers) {
        return send("DELETE", path, null, headers);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Answer post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public Answer put(String path, Object body, Map<String, String> headers) {
        return send("PUT", path, body, headers);
    }

    /** Sends raw text with a content type of the caller's choosing. */
    public Answer sendRaw(String method, String path, String contentType, byte[] body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        headers.forEach(request::header);
        return exchange(request.build());
    }

    public Answer send(String method, String path, Object body, Map<String, String> headers) {
        byte[] bytes = body == null ? new byte[0]
                : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return exchange(request.build());
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request,
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers()
                    .firstValue("Content-Type").orElse(""), response);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.uri(), e);
        }
    }

    /** A response: status, body as text and as JSON. */
    public record Answer(int status, String body, String contentType,
            HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
