package io.stockline.reservation;

import java.time.Duration;
import java.util.List;

import io.stockline.order.OrderCancelled;
import io.stockline.order.OrderFulfilled;
import io.stockline.order.OrderReturned;
import io.stockline.order.OrderService;
import io.stockline.order.ReturnLine;
import io.stockline.order.StepLine;
import io.stockline.stock.StockChanged;
import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import io.stockline.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/** Each step of a reservation's and an order's life is published as an event. */
@IntegrationTest
@RecordApplicationEvents
class ReservationEventsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ReservationService reservations;

    @Autowired
    OrderService orders;

    @Autowired
    ExpirySweeper sweeper;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyStepOfTheLifecyclePublishesItsEvent() {
        Shop shop = new Shop(new Api(port));
        String sku = Api.unique("SKU");
        String location = shop.location(1);
        shop.receive(sku, location, 10);
        events.clear();

        // Inside a transaction of the test's thread, so that the holds are not handed to the
        // group commit's threads, where the recorder would not see their events.
        Reservation committed = transactions.execute(tx -> reservations.hold(hold(sku, 4)));
        Reservation released = transactions.execute(tx -> reservations.hold(hold(sku, 1)));
        Reservation expired = transactions.execute(tx -> reservations.hold(hold(sku, 1)));
        String orderId = Api.unique("order");
        reservations.commit(committed.id(), orderId, false, "test", null);
        reservations.release(released.id(), "test", null);
        sweeper.sweep(clock.instant().plus(Duration.ofDays(2)));
        orders.fulfil(orderId, List.of(new StepLine(sku, 2, null)), "test", null);
        orders.cancel(orderId, List.of(), "test", null);
        orders.takeBack(orderId, List.of(new ReturnLine(sku, 1, null, true, "fits not")),
                "test", null);

        assertThat(events.stream(ReservationHeld.class)).hasSize(3);
        assertThat(events.stream(ReservationCommitted.class))
                .singleElement()
                .satisfies(event -> assertThat(event.order().id()).isEqualTo(orderId));
        assertThat(events.stream(ReservationReleased.class)).singleElement()
                .satisfies(event -> assertThat(event.reservation().id())
                        .isEqualTo(released.id()));
        assertThat(events.stream(ReservationExpired.class))
                .anySatisfy(event -> assertThat(event.reservation().id())
                        .isEqualTo(expired.id()));
        assertThat(events.stream(OrderFulfilled.class)).hasSize(1);
        assertThat(events.stream(OrderCancelled.class)).singleElement()
                .satisfies(event -> assertThat(event.order().open()).isZero());
        assertThat(events.stream(OrderReturned.class)).hasSize(1);
        assertThat(events.stream(StockChanged.class)
                .filter(event -> event.sku().equals(sku))).hasSize(9);
    }

    private static Hold hold(String sku, long quantity) {
        return new Hold("default", List.of(new Hold.Line(sku, quantity, null)),
                Duration.ofMinutes(15), "cart", "test", null);
    }
}
