package io.stockline.stock;

/**
 * The quantities kept per (SKU, location). Each maps to one column of {@code stock_level}.
 */
public enum Bucket {
    ON_HAND("on_hand", "onHand"),
    RESERVED("reserved", "reserved"),
    COMMITTED("committed", "committed"),
    DAMAGED("damaged", "damaged"),
    QUALITY_CONTROL("quality_control", "qualityControl"),
    SAFETY_STOCK("safety_stock", "safetyStock");

    private final String column;
    private final String field;

    Bucket(String column, String field) {
        this.column = column;
        this.field = field;
    }

    String column() {
        return column;
    }

    /** The JSON field name of this bucket. */
    public String field() {
        return field;
    }
}
