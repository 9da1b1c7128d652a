package io.stockline.order;

/** A SKU at a location; sorts by SKU, then location, the order rows are locked in. */
record Spot(String sku, String location) implements Comparable<Spot> {

    @Override
    public int compareTo(Spot other) {
        int bySku = sku.compareTo(other.sku);
        return bySku != 0 ? bySku : location.compareTo(other.location);
    }
}
