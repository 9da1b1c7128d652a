package io.stockline.reservation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stockline.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Test fixtures built through the API: locations, received stock, holds and orders.
 */
final class Shop {

    final Api api;

    Shop(Api api) {
        this.api = api;
    }

    /** A new active location; lower priority sells first. */
    String location(int priority) {
        String key = Api.unique("loc");
        Api.Answer saved = api.put("/api/v1/locations/" + key,
                Map.of("name", key, "type", "WAREHOUSE", "priority", priority));
        check(saved, 200, 201);
        return key;
    }

    void receive(String sku, String location, long quantity) {
        check(adjust(sku, location, quantity, "RECEIVED"), 200);
    }

    Api.Answer adjust(String sku, String location, long delta, String reason) {
        return api.post("/api/v1/stock/" + sku + "/locations/" + location + "/adjustments",
                Map.of("delta", delta, "reason", reason));
    }

    static Map<String, Object> line(String sku, long quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    static Map<String, Object> line(String sku, long quantity, String location) {
        return Map.of("sku", sku, "quantity", quantity, "location", location);
    }

    @SafeVarargs
    static Map<String, Object> cart(Map<String, Object>... lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "default");
        body.put("reference", Api.unique("cart"));
        body.put("lines", List.of(lines));
        return body;
    }

    Api.Answer hold(Map<String, Object> body) {
        return api.post("/api/v1/reservations", body);
    }

    Api.Answer hold(Map<String, Object> body, String key) {
        return api.post("/api/v1/reservations", body, Map.of("Idempotency-Key", key));
    }

    String held(Map<String, Object> body) {
        Api.Answer answer = hold(body);
        check(answer, 201);
        return answer.json().get("id").asString();
    }

    Api.Answer commit(String reservation, String orderId) {
        return api.post("/api/v1/reservations/" + reservation + "/commit",
                Map.of("orderId", orderId));
    }

    Api.Answer release(String reservation) {
        return api.delete("/api/v1/reservations/" + reservation, Map.of());
    }

    Api.Answer reservation(String reservation) {
        return api.get("/api/v1/reservations/" + reservation);
    }

    /** One row of a SKU: onHand, reserved, committed, damaged, available by field name. */
    Map<String, Long> level(String sku, String location) {
        Api.Answer answer = api.get("/api/v1/stock/" + sku + "/locations/" + location);
        check(answer, 200);
        Map<String, Long> level = new HashMap<>();
        for (String field : List.of("onHand", "reserved", "committed", "damaged",
                "available")) {
            level.put(field, answer.json().get(field).asLong());
        }
        return level;
    }

    /** The allocations of a reservation's line as location → quantity, in answer order. */
    static Map<String, Long> allocations(JsonNode line) {
        Map<String, Long> allocations = new LinkedHashMap<>();
        line.get("allocations").forEach(allocation -> allocations.put(
                allocation.get("location").asString(), allocation.get("quantity").asLong()));
        return allocations;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    static void check(Api.Answer answer, int... expected) {
        for (int status : expected) {
            if (answer.status() == status) {
                return;
            }
        }
        throw new AssertionError("unexpected answer " + answer);
    }
}
