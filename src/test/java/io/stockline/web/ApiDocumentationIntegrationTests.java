package io.stockline.web;

import io.stockline.support.Api;
import io.stockline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApiDocumentationIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void openApiDocumentDescribesTheStockEndpoints() {
        Api.Answer docs = new Api(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains("/api/v1/stock/{sku}", "/api/v1/stock/batch", "/api/v1/ledger",
                        "/api/v1/locations/{key}",
                        "/api/v1/stock/{sku}/locations/{location}/adjustments");
    }

    @Test
    void swaggerUiIsServed() {
        Api.Answer ui = new Api(port).get("/swagger-ui/index.html");

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
    }

    @Test
    void healthReportsUpWithTheDatabase() {
        Api.Answer health = new Api(port).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void unknownPathIsAProblemNotAnErrorPage() {
        Api.Answer answer = new Api(port).get("/api/v1/nothing-here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
