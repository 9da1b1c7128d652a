package io.stockline.availability;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.stockline.channel.Cap;
import io.stockline.channel.Channel;
import io.stockline.channel.StockStatus;
import io.stockline.stock.StockLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityFormulaTests {

    static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 24);

    @Test
    void negativeLocationsCountAsZeroBeforeTheBufferIsTaken() {
        Channel web = channel(List.of("a", "b", "c"), 2, null);
        List<StockLevel> levels = List.of(level("a", 10, 0, 0, 3, 0, 0),
                level("b", 4, 0, 0, 0, 0, 9), level("c", 5, 2, 1, 0, 1, 0));

        AvailabilityFormula.Outcome outcome = AvailabilityFormula.of(web, levels, Map.of());

        // a: 10-3 = 7, b: 4-9 = -5 counts as 0, c: 5-2-1-1 = 1; 8 less buffer 2
        assertThat(outcome.available()).isEqualTo(6);
        assertThat(outcome.status()).isEqualTo(StockStatus.IN_STOCK);
    }

    @Test
    void stockAtLocationsOutsideTheChannelIsIgnored() {
        Channel web = channel(List.of("a"), 0, null);

        long sellable = AvailabilityFormula.sellable(web,
                List.of(level("a", 3, 0, 0, 0, 0, 0), level("z", 100, 0, 0, 0, 0, 0)));

        assertThat(sellable).isEqualTo(3);
    }

    @Test
    void percentCapIsTheFloorOfTheShareOfWhatRemainsAfterTheBuffer() {
        assertThat(channel(List.of("a"), 3, new Cap(null, 50)).offerable(10)).isEqualTo(3);
        assertThat(channel(List.of("a"), 0, new Cap(null, 100)).offerable(10)).isEqualTo(10);
        assertThat(channel(List.of("a"), 0, new Cap(null, 0)).offerable(10)).isZero();
        assertThat(channel(List.of("a"), 0, new Cap(null, 33)).offerable(1)).isZero();
    }

    @Test
    void unitCapLimitsButNeverRaises() {
        assertThat(channel(List.of("a"), 0, new Cap(5L, null)).offerable(10)).isEqualTo(5);
        assertThat(channel(List.of("a"), 0, new Cap(50L, null)).offerable(10)).isEqualTo(10);
    }

    @Test
    void bufferNeverTakesTheChannelBelowZero() {
        assertThat(channel(List.of("a"), 20, null).offerable(10)).isZero();
    }

    @Test
    void lowStockIsAtMostTheThresholdAndAboveZero() {
        Channel web = channel(List.of("a"), 0, null);

        assertThat(web.statusOf(6, null)).isEqualTo(StockStatus.IN_STOCK);
        assertThat(web.statusOf(5, null)).isEqualTo(StockStatus.LOW_STOCK);
        assertThat(web.statusOf(1, CHRISTMAS)).isEqualTo(StockStatus.LOW_STOCK);
        assertThat(web.statusOf(0, null)).isEqualTo(StockStatus.OUT_OF_STOCK);
        assertThat(web.statusOf(0, CHRISTMAS)).isEqualTo(StockStatus.COMING_SOON);
    }

    @Test
    void backordersAndPreordersChangeWhatNothingLeftShows() {
        Channel backorders = withOptions(true, false);
        Channel preorders = withOptions(false, true);
        Channel both = withOptions(true, true);

        assertThat(backorders.statusOf(0, null)).isEqualTo(StockStatus.BACKORDER);
        assertThat(backorders.statusOf(0, CHRISTMAS)).isEqualTo(StockStatus.BACKORDER);
        assertThat(preorders.statusOf(0, null)).isEqualTo(StockStatus.OUT_OF_STOCK);
        assertThat(preorders.statusOf(0, CHRISTMAS)).isEqualTo(StockStatus.PREORDER);
        assertThat(both.statusOf(0, CHRISTMAS)).isEqualTo(StockStatus.PREORDER);
    }

    @Test
    void restockDateIsTheEarliestAmongTheChannelsLocations() {
        Channel web = channel(List.of("a", "b"), 0, null);

        LocalDate date = AvailabilityFormula.restockDate(web, Map.of(
                "a", CHRISTMAS, "b", CHRISTMAS.minusDays(3), "z", CHRISTMAS.minusDays(9)));

        assertThat(date).isEqualTo(CHRISTMAS.minusDays(3));
    }

    private static Channel withOptions(boolean backorders, boolean preorders) {
        return new Channel("web", "Web", List.of("a"), List.of("a"), 0, null, 5, backorders,
                preorders, Map.of(), false, 1, null, null);
    }

    private static Channel channel(List<String> locations, long buffer, Cap cap) {
        return new Channel("web", "Web", locations, locations, buffer, cap, 5, false, false,
                Map.of(), false, 1, null, null);
    }

    private static StockLevel level(String location, long onHand, long reserved,
            long committed, long damaged, long qualityControl, long safetyStock) {
        return new StockLevel("SKU", location, onHand, reserved, committed, damaged,
                qualityControl, safetyStock, 1, null);
    }
}
