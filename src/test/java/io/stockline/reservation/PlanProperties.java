package io.stockline.reservation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/** Allocation plans, without a database: what a plan may promise and what it must not. */
class PlanProperties {

    private static final List<String> LOCATIONS = List.of("a", "b", "c");
    private static final List<String> SKUS = List.of("S1", "S2");

    @Property(tries = 500)
    void aPlanNeverTakesMoreThanALocationHasNorBackordersBeyondTheRoom(
            @ForAll("lines") List<Wanted> lines,
            @ForAll @Size(6) List<@IntRange(min = -2, max = 8) Integer> stock,
            @ForAll @IntRange(min = 0, max = 5) int room) {
        Plan plan = Plan.of(lines, sku -> available(stock, sku), sku -> policy(sku, room));

        Map<String, Long> taken = new HashMap<>();
        plan.lines().forEach(line -> line.allocations().forEach(allocation -> taken.merge(
                line.sku() + "@" + allocation.location(), allocation.quantity(), Long::sum)));
        taken.forEach((row, quantity) -> assertThat(quantity)
                .isLessThanOrEqualTo(Math.max(0, stock.get(index(row)))));
        plan.backorders().forEach((sku, units) -> assertThat(units)
                .isLessThanOrEqualTo(sku.equals("S2") ? room : 0));
        assertThat(plan.rows().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(taken.values().stream().mapToLong(Long::longValue).sum());
    }

    @Property(tries = 500)
    void aCompletePlanServesEveryLineFromItsCandidatesInFull(
            @ForAll("lines") List<Wanted> lines,
            @ForAll @Size(6) List<@IntRange(min = 0, max = 8) Integer> stock,
            @ForAll @IntRange(min = 0, max = 5) int room) {
        Plan plan = Plan.of(lines, sku -> available(stock, sku), sku -> policy(sku, room));

        if (plan.complete()) {
            assertThat(plan.lines()).hasSameSizeAs(lines);
            for (int i = 0; i < lines.size(); i++) {
                ReservationLine line = plan.lines().get(i);
                Wanted wanted = lines.get(i);
                long allocated = line.allocations().stream()
                        .mapToLong(Allocation::quantity).sum();
                assertThat(allocated + line.backordered()).isEqualTo(wanted.quantity());
                assertThat(line.allocations()).allSatisfy(allocation -> assertThat(
                        wanted.candidates()).contains(allocation.location()));
            }
        } else {
            assertThat(plan.shortLines()).allSatisfy(shortLine ->
                    assertThat(shortLine.available()).isLessThan(shortLine.requested()));
        }
    }

    @Property(tries = 200)
    void aLineTakesFromALaterLocationOnlyWhenTheEarlierOnesAreEmpty(
            @ForAll @IntRange(min = 1, max = 20) int quantity,
            @ForAll @Size(6) List<@IntRange(min = 0, max = 8) Integer> stock) {
        Wanted line = new Wanted("S1", quantity, null, LOCATIONS);

        Plan plan = Plan.of(List.of(line), sku -> available(stock, sku), sku -> policy(sku, 0));

        if (plan.complete()) {
            List<Allocation> allocations = plan.lines().get(0).allocations();
            for (int i = 0; i < allocations.size() - 1; i++) {
                int location = LOCATIONS.indexOf(allocations.get(i).location());
                assertThat(allocations.get(i).quantity()).isEqualTo((long) stock.get(location));
            }
        }
    }

    @Provide
    Arbitrary<List<Wanted>> lines() {
        return Combinators.combine(Arbitraries.of(SKUS), Arbitraries.longs().between(1, 8),
                Arbitraries.of(LOCATIONS).injectNull(0.6))
                .as((sku, quantity, location) -> new Wanted(sku, quantity, location,
                        location == null ? LOCATIONS : List.of(location)))
                .list().ofMinSize(1).ofMaxSize(4);
    }

    private static Map<String, Long> available(List<Integer> stock, String sku) {
        Map<String, Long> available = new HashMap<>();
        for (String location : LOCATIONS) {
            available.put(location, (long) stock.get(index(sku + "@" + location)));
        }
        return available;
    }

    private static int index(String row) {
        String[] parts = row.split("@");
        return SKUS.indexOf(parts[0]) * LOCATIONS.size() + LOCATIONS.indexOf(parts[1]);
    }

    /** S2 may be backordered up to {@code room} units; S1 never. */
    private static BackorderPolicy policy(String sku, int room) {
        return sku.equals("S2") ? new BackorderPolicy(sku, BackorderMode.ALLOW, room, 0)
                : BackorderPolicy.deny(sku);
    }
}
