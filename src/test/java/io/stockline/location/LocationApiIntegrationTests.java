package io.stockline.location;

import java.util.Map;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LocationApiIntegrationTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void newLocationIsCreatedThenReplacedByTheSamePut() {
        String key = Api.unique("store");

        Api.Answer created = api.put("/api/v1/locations/" + key,
                Map.of("name", key, "type", "STORE", "address", "Main St 1"));
        Api.Answer replaced = api.put("/api/v1/locations/" + key,
                Map.of("name", key + " renamed", "type", "STORE", "active", false));

        assertThat(created.status()).isEqualTo(201);
        assertThat(replaced.status()).isEqualTo(200);
        Api.Answer read = api.get("/api/v1/locations/" + key);
        assertThat(read.json().get("name").asString()).isEqualTo(key + " renamed");
        assertThat(read.json().get("active").asBoolean()).isFalse();
        assertThat(read.json().get("type").asString()).isEqualTo("STORE");
    }

    @Test
    void listHoldsEveryLocationInPriorityOrder() {
        String first = Api.unique("a");
        String second = Api.unique("b");
        api.put("/api/v1/locations/" + second,
                Map.of("name", second, "type", "WAREHOUSE", "priority", 2));
        api.put("/api/v1/locations/" + first,
                Map.of("name", first, "type", "WAREHOUSE", "priority", 1));

        Api.Answer list = api.get("/api/v1/locations");

        String keys = list.body();
        assertThat(keys.indexOf(first)).isLessThan(keys.indexOf(second)).isPositive();
    }

    @Test
    void unknownLocationIsNotFoundAsProblem() {
        Api.Answer answer = api.get("/api/v1/locations/" + Api.unique("nowhere"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).endsWith("/location-not-found");
    }

    @Test
    void unknownTypeIsRefusedNamingTheField() {
        String key = Api.unique("x");

        Api.Answer answer = api.put("/api/v1/locations/" + key,
                Map.of("name", key, "type", "CASTLE"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("type");
        assertThat(api.get("/api/v1/locations/" + key).status()).isEqualTo(404);
    }

    @Test
    void missingNameIsRefused() {
        Api.Answer answer = api.put("/api/v1/locations/" + Api.unique("x"),
                Map.of("type", "STORE"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("name");
        assertThat(answer.json().get("rule").asString()).isEqualTo("required");
    }

    @Test
    void twoLocationsCannotShareADisplayName() {
        String name = Api.unique("Shared name");
        api.put("/api/v1/locations/" + Api.unique("one"), Map.of("name", name, "type", "STORE"));

        Api.Answer answer = api.put("/api/v1/locations/" + Api.unique("two"),
                Map.of("name", name, "type", "STORE"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("type").asString()).endsWith("/location-name-taken");
    }

    @Test
    void keyWithControlCharacterIsRefused() {
        Api.Answer answer = api.put("/api/v1/locations/bad%07key",
                Map.of("name", Api.unique("n"), "type", "STORE"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asString()).isEqualTo("key");
        assertThat(answer.json().get("rule").asString()).isEqualTo("no-control-characters");
    }

    @Test
    void surroundingSpacesOfAKeyAreTrimmed() {
        String key = Api.unique("trim");

        api.put("/api/v1/locations/%20" + key + "%20", Map.of("name", key, "type", "STORE"));

        assertThat(api.get("/api/v1/locations/" + key).status()).isEqualTo(200);
    }
}
