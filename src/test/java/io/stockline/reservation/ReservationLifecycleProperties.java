package io.stockline.reservation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import io.stockline.support.TestClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random interleavings of every step a shop takes (hold, extend, release, commit, fulfil,
 * cancel, return, adjust, expire), from several threads at once over real HTTP, some sent
 * twice with one Idempotency-Key. Afterwards every invariant of DESIGN §4 must hold, and
 * every retried success must have been answered with the first answer.
 *
 * <p>jqwik knows nothing of Spring, so the Spring test context (the one every integration
 * test shares) is attached to the instance by hand before each property.
 */
@IntegrationTest
class ReservationLifecycleProperties {

    private static final int THREADS = 6;
    private static final Set<Integer> EXPECTED = Set.of(200, 201, 409);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExpirySweeper sweeper;

    @Autowired
    TestClock clock;

    Shop shop;
    String first;
    String second;
    ExecutorService threads;

    enum Kind { HOLD, EXTEND, RELEASE, COMMIT, FULFIL, CANCEL, RETURN, ADJUST, EXPIRE }

    /** One step: what, which earlier reservation or order (or SKU), how many, a flag. */
    record Step(Kind kind, int pick, int quantity, boolean flag, boolean retried) {
    }

    @BeforeProperty
    void attachSpring() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        shop = new Shop(new Api(port));
        first = shop.location(1);
        second = shop.location(2);
        threads = Executors.newFixedThreadPool(THREADS);
    }

    @AfterProperty
    void detach() {
        threads.shutdownNow();
        clock.reset();
    }

    @Property(tries = 25, shrinking = ShrinkingMode.OFF)
    void everyInterleavingKeepsTheInvariants(@ForAll("scripts") List<List<Step>> scripts)
            throws Exception {
        Run run = new Run(List.of(Api.unique("SKU"), Api.unique("SKU")));
        run.stockUp();

        List<Future<?>> running = new ArrayList<>();
        for (List<Step> script : scripts) {
            running.add(threads.submit(() -> script.forEach(run::perform)));
        }
        for (Future<?> each : running) {
            each.get(60, TimeUnit.SECONDS);
        }

        Statistics.label("orders placed").collect(Math.min(run.orders.size(), 5));
        assertThat(run.unexpected).isEmpty();
        assertThat(run.replayMismatches).isEmpty();
        new Invariants(jdbc).assertHoldFor(run.skus);
    }

    @Provide
    Arbitrary<List<List<Step>>> scripts() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(4, Kind.HOLD), Tuple.of(1, Kind.EXTEND), Tuple.of(1, Kind.RELEASE),
                Tuple.of(3, Kind.COMMIT), Tuple.of(2, Kind.FULFIL), Tuple.of(1, Kind.CANCEL),
                Tuple.of(2, Kind.RETURN), Tuple.of(1, Kind.ADJUST), Tuple.of(1, Kind.EXPIRE));
        Arbitrary<Step> step = Combinators.combine(
                kinds,
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(1, 4),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 3).map(chance -> chance == 0))
                .as(Step::new);
        return step.list().ofMinSize(4).ofMaxSize(14).list().ofSize(THREADS);
    }

    /** One try: its SKUs, what it has created so far, and what went wrong. */
    private final class Run {

        final List<String> skus;
        final List<String> reservations = new CopyOnWriteArrayList<>();
        final List<String> orders = new CopyOnWriteArrayList<>();
        final Set<String> unexpected = ConcurrentHashMap.newKeySet();
        final Set<String> replayMismatches = ConcurrentHashMap.newKeySet();

        Run(List<String> skus) {
            this.skus = skus;
        }

        void stockUp() {
            shop.receive(skus.get(0), first, 6);
            shop.receive(skus.get(0), second, 4);
            shop.receive(skus.get(1), second, 5);
            Shop.check(shop.api.put("/api/v1/skus/" + skus.get(1) + "/backorder-policy",
                    Map.of("mode", "ALLOW", "limit", 3)), 200);
        }

        void perform(Step step) {
            switch (step.kind()) {
                case HOLD -> hold(step);
                case EXTEND -> onReservation(step, id -> send(step, "POST",
                        "/api/v1/reservations/" + id + "/extend",
                        Map.of("ttlSeconds", 10 * step.quantity())));
                case RELEASE -> onReservation(step, id -> send(step, "DELETE",
                        "/api/v1/reservations/" + id, null));
                case COMMIT -> onReservation(step, id -> commit(step, id));
                case FULFIL -> onOrder(step, id -> send(step, "POST",
                        "/api/v1/orders/" + id + "/fulfilments", lines(step)));
                case CANCEL -> onOrder(step, id -> send(step, "POST",
                        "/api/v1/orders/" + id + "/cancellation",
                        step.flag() ? Map.of() : lines(step)));
                case RETURN -> onOrder(step, id -> send(step, "POST",
                        "/api/v1/orders/" + id + "/returns", returns(step)));
                case ADJUST -> adjust(step);
                case EXPIRE -> sweeper.sweep(clock.instant()
                        .plus(Duration.ofSeconds(10L * step.quantity())));
            }
        }

        private void hold(Step step) {
            String sku = skus.get(step.pick() % 2);
            Map<String, Object> line = step.flag()
                    ? Shop.line(sku, step.quantity(), step.pick() < 4 ? first : second)
                    : Shop.line(sku, step.quantity());
            Map<String, Object> body = step.pick() % 3 == 0
                    ? Shop.cart(line, Shop.line(skus.get(1), 1)) : Shop.cart(line);
            body.put("ttlSeconds", 5 + 10 * step.pick());
            Api.Answer answer = send(step, "POST", "/api/v1/reservations", body);
            if (answer.status() == 201) {
                reservations.add(answer.json().get("id").asString());
            }
        }

        private void commit(Step step, String id) {
            Map<String, Object> body = new HashMap<>();
            body.put("orderId", Api.unique("order"));
            body.put("reacquire", step.flag());
            Api.Answer answer = send(step, "POST", "/api/v1/reservations/" + id + "/commit",
                    body);
            if (answer.status() == 201) {
                orders.add(answer.json().get("id").asString());
            }
        }

        private void adjust(Step step) {
            String location = step.pick() % 2 == 0 ? first : second;
            long delta = step.flag() ? step.quantity() : -step.quantity();
            Api.Answer answer = shop.adjust(skus.get(step.pick() % 2), location, delta,
                    delta > 0 ? "RECEIVED" : "SOLD");
            expect(step, answer);
        }

        private Map<String, Object> lines(Step step) {
            return Map.of("lines", List.of(Shop.line(skus.get(step.pick() % 2),
                    step.quantity())));
        }

        private Map<String, Object> returns(Step step) {
            return Map.of("lines", List.of(Map.of("sku", skus.get(step.pick() % 2),
                    "quantity", step.quantity(), "restock", step.flag(), "reason", "test")));
        }

        private void onReservation(Step step, java.util.function.Consumer<String> call) {
            if (!reservations.isEmpty()) {
                call.accept(reservations.get(step.pick() % reservations.size()));
            }
        }

        private void onOrder(Step step, java.util.function.Consumer<String> call) {
            if (!orders.isEmpty()) {
                call.accept(orders.get(step.pick() % orders.size()));
            }
        }

        /** Sends once, or twice with one key when the step is retried. */
        private Api.Answer send(Step step, String method, String path, Object body) {
            Map<String, String> headers = step.retried()
                    ? Map.of("Idempotency-Key", Api.unique("key")) : Map.of();
            Api.Answer answer = shop.api.send(method, path, body, headers);
            expect(step, answer);
            if (step.retried() && answer.status() / 100 == 2) {
                Api.Answer replay = shop.api.send(method, path, body, headers);
                if (replay.status() != answer.status() || !replay.body().equals(answer.body())
                        || !"true".equals(replay.header("Idempotent-Replayed"))) {
                    replayMismatches.add(step + ": " + answer + " then " + replay);
                }
            }
            return answer;
        }

        private void expect(Step step, Api.Answer answer) {
            if (!EXPECTED.contains(answer.status())) {
                unexpected.add(step + ": " + answer);
            }
        }
    }
}
