package io.stockline.transfer;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.apache.commons.io.input.BOMInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads commercetools InventoryEntry drafts: a JSON array (streamed element by element; a
 * problem names the element's index) or NDJSON (one entry a line; a problem names the line).
 * Of each entry it uses {@code sku}, {@code quantityOnStock} and {@code supplyChannel};
 * {@code key}, {@code restockableInDays}, {@code expectedDelivery} and {@code custom} have no
 * place in Stockline's model and are ignored.
 */
final class CommercetoolsJsonReader {

    private final JsonMapper json;
    private final ObjectReader element;
    private final KnownLocations locations;
    private final ImportedRows rows;

    CommercetoolsJsonReader(JsonMapper json, KnownLocations locations, ImportedRows rows) {
        this.json = json;
        this.element = json.readerFor(JsonNode.class)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.locations = locations;
        this.rows = rows;
    }

    /** Reads the whole stream, entry by entry. */
    void read(InputStream in) throws IOException {
        BufferedInputStream bytes = new BufferedInputStream(
                BOMInputStream.builder().setInputStream(in).get());
        if (firstByte(bytes) == '[') {
            readArray(bytes);
        } else {
            readLines(bytes);
        }
    }

    private void readArray(InputStream in) {
        long index = 0;
        try (JsonParser parser = json.createParser(in)) {
            parser.nextToken();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY;
                    token = parser.nextToken(), index++) {
                if (token == null) {
                    throw new RowRefused("the array is not closed");
                }
                read(index, element.readValue(parser));
            }
        } catch (JacksonException e) {
            rows.reject(index, null, "malformed JSON, the rest of the file was not read: "
                    + e.getOriginalMessage());
        } catch (RowRefused e) {
            rows.reject(index, null, e.getMessage());
        }
    }

    private void readLines(InputStream in) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in,
                StandardCharsets.UTF_8));
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (!line.isBlank()) {
                readLine(number, line);
            }
        }
    }

    private void readLine(long number, String line) {
        try {
            read(number, json.readTree(line));
        } catch (JacksonException e) {
            rows.reject(number, null, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private void read(long line, JsonNode entry) {
        String rawSku = entry.path("sku").isString() ? entry.path("sku").asString() : null;
        try {
            if (!entry.isObject()) {
                throw new RowRefused("an InventoryEntry must be a JSON object");
            }
            String sku = KnownLocations.identifier("sku", rawSku);
            String location = location(entry.path("supplyChannel"));

            long onHand = Quantity.onHand("quantityOnStock", quantity(entry));

            rows.accept(new ImportRow(line, sku, location, onHand, null));
        } catch (RowRefused e) {
            rows.reject(line, rawSku, e.getMessage());
        }
    }

    private static long quantity(JsonNode entry) {
        JsonNode quantity = entry.path("quantityOnStock");
        if (quantity.isMissingNode() || quantity.isNull()) {
            throw new RowRefused("quantityOnStock: is required");
        }
        if (!quantity.isIntegralNumber()) {
            throw new RowRefused("quantityOnStock: must be a whole number, was " + quantity);
        }
        if (!quantity.canConvertToLong()) {
            throw new RowRefused("quantityOnStock: out of range, was " + quantity);
        }
        return quantity.asLong();
    }

    private String location(JsonNode channel) {
        if (channel.isMissingNode() || channel.isNull()) {
            return locations.fallback("the entry has no supplyChannel");
        }
        JsonNode typeId = channel.path("typeId");
        boolean toChannel = typeId.isMissingNode()
                || typeId.isString() && "channel".equals(typeId.asString());
        if (!channel.isObject() || !toChannel) {
            throw new RowRefused("supplyChannel: must be a reference {\"typeId\": \"channel\","
                    + " \"key\" or \"id\"}, was " + channel);
        }
        if (channel.hasNonNull("key")) {
            return locations.byKey("supplyChannel.key", text(channel, "key"));
        }
        if (channel.hasNonNull("id")) {
            return locations.byChannelId("supplyChannel.id", text(channel, "id"));
        }
        throw new RowRefused("supplyChannel: needs a key or an id");
    }

    private static String text(JsonNode channel, String field) {
        JsonNode value = channel.get(field);
        if (!value.isString()) {
            throw new RowRefused("supplyChannel." + field + ": must be a string, was " + value);
        }
        return value.asString();
    }

    private static int firstByte(BufferedInputStream in) throws IOException {
        in.mark(1 << 16);
        int first = in.read();
        while (first != -1 && Character.isWhitespace(first)) {
            first = in.read();
        }
        in.reset();
        return first;
    }
}
