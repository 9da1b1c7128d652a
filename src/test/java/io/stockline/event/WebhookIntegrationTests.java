package io.stockline.event;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class WebhookIntegrationTests {

    private static final List<String> STOCK_TYPES = List.of("stock.adjusted", "stock.set");


    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Api api;
    String location;
    String sku;
    Receiver receiver;

    @BeforeEach
    void setUp() throws IOException {
        api = new Api(port);
        location = Api.unique("wh");
        sku = Api.unique("HOOK");
        api.put("/api/v1/locations/" + location, Map.of("name", location, "type", "WAREHOUSE"));
        receiver = new Receiver();
    }

    @AfterEach
    void tearDown() {
        receiver.server.stop(0);
    }

    @Test
    void deliveriesAreSignedWithTheSubscriptionSecret() {
        JsonNode webhook = subscribe(Map.of("url", receiver.url(), "skuFilter", List.of(sku)));
        String secret = webhook.get("secret").asString();

        receive(3);

        await(() -> receiver.accepted().size() == 1);
        Request request = receiver.accepted().get(0);
        String signature = request.header("Stockline-Signature");
        String timestamp = signature.substring(2, signature.indexOf(','));
        String expected = WebhookSignature.hmac(secret, timestamp + "." + request.body());
        assertThat(signature).isEqualTo("t=" + timestamp + ",v1=" + expected);
        assertThat(secret).startsWith("whsec_");
        JsonNode event = JSON.readTree(request.body());
        assertThat(request.header("Stockline-Event-Id")).isEqualTo(event.get("id").asString());
        assertThat(event.get("subject").asString()).isEqualTo(sku);
        assertThat(api.get("/api/v1/webhooks/" + webhook.get("id").asString()).body())
                .doesNotContain(secret);
    }

    @Test
    void receiverThatFailsAtFirstGetsRetriesAndEventsStayInOrderPerSku() {
        receiver.failFirst.set(3);
        JsonNode webhook = subscribe(Map.of("url", receiver.url(), "skuFilter", List.of(sku),
                "secret", "a-secret-of-enough-length"));

        receive(1);
        receive(2);
        receive(3);

        await(() -> receiver.accepted().size() == 3);
        List<Long> attempted = receiver.requests.stream()
                .map(r -> JSON.readTree(r.body()).get("data").get("version").asLong())
                .toList();
        assertThat(attempted).containsExactly(1L, 1L, 1L, 1L, 2L, 3L);
        JsonNode log = api.get("/api/v1/webhooks/" + id(webhook) + "/deliveries").json();
        JsonNode first = java.util.stream.StreamSupport.stream(log.get("items").spliterator(),
                        false)
                .min(java.util.Comparator.comparingLong(item -> item.get("sequence").asLong()))
                .orElseThrow();
        assertThat(log.get("items")).hasSize(3);
        assertThat(first.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(first.get("attempts").asInt()).isEqualTo(4);
        assertThat(first.get("lastStatusCode").asInt()).isEqualTo(200);
    }

    @Test
    void receiverThatKeepsFailingIsDeadLetteredDisabledAndReplayedLater() {
        receiver.failFirst.set(Integer.MAX_VALUE);
        JsonNode webhook = subscribe(Map.of("url", receiver.url(), "skuFilter", List.of(sku)));
        String path = "/api/v1/webhooks/" + id(webhook);

        receive(7);

        await(() -> api.get(path).json().get("status").asString().equals("DISABLED"));
        JsonNode disabled = api.get(path).json();
        assertThat(disabled.get("disabledReason").asString()).contains(sku, "HTTP 503", "PT2S");
        JsonNode dead = api.get(path + "/dead-letters").json().get("items");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).get("attempts").asInt()).isGreaterThan(2);

        receiver.failFirst.set(0);
        JsonNode replayed = api.post(path + "/dead-letters/replay", null).json();

        assertThat(replayed.get("replayed").asInt()).isEqualTo(1);
        await(() -> receiver.accepted().size() == 1);
        assertThat(api.get(path).json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.get(path + "/dead-letters").json().get("items")).isEmpty();
    }

    @Test
    void invalidSubscriptionIsRefusedNamingTheField() {
        Api.Answer badUrl = api.post("/api/v1/webhooks", Map.of("url", "ftp://example.com/x"));
        Api.Answer badType = api.post("/api/v1/webhooks", Map.of("url", receiver.url(),
                "eventTypes", List.of("stock.melted")));
        Api.Answer shortSecret = api.post("/api/v1/webhooks", Map.of("url", receiver.url(),
                "secret", "short"));

        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.json().get("field").asString()).isEqualTo("url");
        assertThat(badType.json().get("field").asString()).isEqualTo("eventTypes");
        assertThat(shortSecret.json().get("field").asString()).isEqualTo("secret");
        assertThat(api.get("/api/v1/webhooks/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void repeatedCreationWithTheSameIdempotencyKeyCreatesOneSubscription() {
        Map<String, Object> body = Map.of("url", receiver.url(), "skuFilter", List.of(sku));
        Map<String, String> key = Map.of("Idempotency-Key", Api.unique("key"));

        Api.Answer first = api.post("/api/v1/webhooks", body, key);
        Api.Answer again = api.post("/api/v1/webhooks", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(id(first.json()));
        assertThat(again.json().get("secret").asString())
                .isEqualTo(first.json().get("secret").asString());
        long withThisUrl = 0;
        for (JsonNode webhook : api.get("/api/v1/webhooks").json().get("items")) {
            withThisUrl += webhook.get("url").asString().equals(receiver.url()) ? 1 : 0;
        }
        assertThat(withThisUrl).isEqualTo(1);
    }

    @Test
    void deletedSubscriptionIsGone() {
        JsonNode webhook = subscribe(Map.of("url", receiver.url()));

        Api.Answer deleted = api.delete("/api/v1/webhooks/" + id(webhook), Map.of());

        assertThat(deleted.status()).isEqualTo(204);
        Api.Answer gone = api.get("/api/v1/webhooks/" + id(webhook));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("type").asString()).endsWith("/webhook-not-found");
    }

    /** Subscribes to stock movements only, so that the counts below are those writes. */
    private JsonNode subscribe(Map<String, Object> body) {
        Map<String, Object> stockOnly = new java.util.HashMap<>(body);
        stockOnly.putIfAbsent("eventTypes", STOCK_TYPES);
        Api.Answer answer = api.post("/api/v1/webhooks", stockOnly);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    private static String id(JsonNode webhook) {
        return webhook.get("id").asString();
    }

    private void receive(long quantity) {
        Api.Answer answer = api.post("/api/v1/stock/" + sku + "/locations/" + location
                + "/adjustments", Map.of("delta", quantity, "reason", "RECEIVED"));
        assertThat(answer.status()).isEqualTo(200);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 15 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A real HTTP receiver on a free local port that fails its first N requests. */
    static final class Receiver {

        final HttpServer server;
        final List<Request> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger failFirst = new AtomicInteger();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<Request> accepted() {
            return requests.stream().filter(r -> r.status() == 200).toList();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8);
            int status = failFirst.getAndDecrement() > 0 ? 503 : 200;
            requests.add(new Request(exchange.getRequestHeaders().getFirst(
                    "Stockline-Signature"), exchange.getRequestHeaders().getFirst(
                    "Stockline-Event-Id"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        }
    }

    /** One request as the receiver saw it, and the status it answered. */
    record Request(String signature, String eventId, String body, int status) {

        String header(String name) {
            return name.equals("Stockline-Signature") ? signature : eventId;
        }
    }
}
