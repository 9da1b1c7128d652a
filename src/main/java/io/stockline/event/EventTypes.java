package io.stockline.event;

import java.util.List;

import io.stockline.stock.LedgerEntry;

/**
 * The CloudEvents {@code type} values this service writes, and which one a stock movement
 * becomes.
 */
public final class EventTypes {

    public static final String STOCK_ADJUSTED = "stock.adjusted";
    public static final String STOCK_SET = "stock.set";
    public static final String RESERVATION_CREATED = "reservation.created";
    public static final String RESERVATION_RELEASED = "reservation.released";
    public static final String RESERVATION_EXPIRED = "reservation.expired";
    public static final String ORDER_COMMITTED = "order.committed";
    public static final String ORDER_FULFILLED = "order.fulfilled";
    public static final String ORDER_CANCELLED = "order.cancelled";
    public static final String ORDER_RETURNED = "order.returned";
    public static final String AVAILABILITY_CHANGED = "availability.changed";

    /** Every type, in the order the AsyncAPI document lists them. */
    public static final List<String> ALL = List.of(STOCK_ADJUSTED, STOCK_SET,
            RESERVATION_CREATED, RESERVATION_RELEASED, RESERVATION_EXPIRED, ORDER_COMMITTED,
            ORDER_FULFILLED, ORDER_CANCELLED, ORDER_RETURNED, AVAILABILITY_CHANGED);

    private EventTypes() {
    }

    /** The type of the event that announces a ledger entry. */
    static String of(LedgerEntry entry) {
        return switch (entry.reason()) {
            case RECOUNT, IMPORTED -> STOCK_SET;
            case RESERVED -> RESERVATION_CREATED;
            case RELEASED -> RESERVATION_RELEASED;
            case EXPIRED -> RESERVATION_EXPIRED;
            case COMMITTED -> ORDER_COMMITTED;
            case FULFILLED -> ORDER_FULFILLED;
            case CANCELLED -> ORDER_CANCELLED;
            case RETURNED -> isOrder(entry.reference()) ? ORDER_RETURNED : STOCK_ADJUSTED;
            default -> STOCK_ADJUSTED;
        };
    }

    private static boolean isOrder(String reference) {
        return reference != null && reference.startsWith("order:");
    }
}
