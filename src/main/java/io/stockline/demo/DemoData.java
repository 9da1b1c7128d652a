package io.stockline.demo;

import java.util.List;
import java.util.Random;

import io.stockline.location.LocationDraft;
import io.stockline.location.LocationType;
import io.stockline.location.Locations;
import io.stockline.stock.Bucket;
import io.stockline.stock.Reason;
import io.stockline.stock.StockChange;
import io.stockline.stock.StockService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with a few locations and a few hundred SKUs, received through the
 * ordinary stock service so that the ledger tells where every unit came from.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final List<LocationDraft> LOCATIONS = List.of(
            LocationDraft.of("wh-berlin", "Berlin warehouse", LocationType.WAREHOUSE,
                    "Lagerstrasse 1, 10115 Berlin", true, 10),
            LocationDraft.of("store-munich", "Munich store", LocationType.STORE,
                    "Marienplatz 8, 80331 Munich", true, 20),
            LocationDraft.of("ds-acme", "ACME drop-ship", LocationType.DROPSHIP,
                    null, true, 30));

    private static final List<String> PRODUCTS = List.of(
            "TEE", "HOODIE", "CAP", "SOCKS", "JACKET", "SNEAKER", "BAG", "SCARF");

    private static final List<String> SIZES = List.of("S", "M", "L", "XL");

    private final DemoProperties properties;
    private final Locations locations;
    private final StockService stock;
    private final TransactionTemplate transactions;

    DemoData(DemoProperties properties, Locations locations, StockService stock,
            TransactionTemplate transactions) {
        this.properties = properties;
        this.locations = locations;
        this.stock = stock;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void loadIfEmpty() {
        if (!properties.enabled() || !locations.all().isEmpty()) {
            return;
        }
        long started = System.nanoTime();

        transactions.executeWithoutResult(tx -> load());

        log.info("demo data loaded locations={} skus={} in {} ms", LOCATIONS.size(),
                properties.skus(), (System.nanoTime() - started) / 1_000_000);
    }

    private void load() {
        LOCATIONS.forEach(locations::save);
        Random random = new Random(42);
        for (int i = 0; i < properties.skus(); i++) {
            String sku = sku(i);
            for (LocationDraft location : LOCATIONS) {
                int quantity = random.nextInt(4) == 0 ? 0 : random.nextInt(60);
                if (quantity > 0) {
                    stock.apply(StockChange.of(sku, location.key())
                            .by(Bucket.ON_HAND, quantity)
                            .because(Reason.RECEIVED, "demo data", "demo", null));
                }
            }
        }
    }

    private static String sku(int i) {
        String product = PRODUCTS.get(i % PRODUCTS.size());
        String size = SIZES.get((i / PRODUCTS.size()) % SIZES.size());
        int variant = i / (PRODUCTS.size() * SIZES.size()) + 1;
        return "%s-%03d-%s".formatted(product, variant, size);
    }
}
