package io.stockline.transfer;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.stockline.web.InvalidInput;

/**
 * The exchange formats Stockline reads and writes.
 */
public enum TransferFormat {

    /** Shopify's inventory CSV export (Products, Inventory, Export). */
    SHOPIFY_CSV("shopify-csv", "text/csv"),

    /** commercetools InventoryEntry drafts, as a JSON array or NDJSON. */
    COMMERCETOOLS_JSON("commercetools-json", "application/json");

    private final String id;
    private final String mediaType;

    TransferFormat(String id, String mediaType) {
        this.id = id;
        this.mediaType = mediaType;
    }

    /** The name used in {@code ?format=} and {@code --format}. */
    public String id() {
        return id;
    }

    String mediaType() {
        return mediaType;
    }

    /** The format named {@code id}, or a 400 refusal listing the known ones. */
    public static TransferFormat of(String field, String id) {
        return Arrays.stream(values())
                .filter(format -> format.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(field, "known-format",
                        "must be one of " + known() + ", was '" + id + "'"));
    }

    private static String known() {
        return Arrays.stream(values()).map(TransferFormat::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
