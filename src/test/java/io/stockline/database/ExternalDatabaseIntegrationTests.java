package io.stockline.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import io.stockline.StocklineApplication;
import io.stockline.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a JDBC URL configured the service uses that server instead of the embedded one. Runs
 * where {@code STOCKLINE_EXTERNAL_DB_URL} names a server (CI sets it to the machine's
 * PostgreSQL); each run works in a schema of its own and drops it afterwards.
 */
@EnabledIfEnvironmentVariable(named = "STOCKLINE_EXTERNAL_DB_URL", matches = "jdbc:.+")
class ExternalDatabaseIntegrationTests {

    private final String url = System.getenv("STOCKLINE_EXTERNAL_DB_URL");
    private final String user = System.getenv().getOrDefault("STOCKLINE_EXTERNAL_DB_USER",
            "postgres");
    private final String schema = "stockline_" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void serviceRunsOnAConfiguredPostgreSql() {
        try (ConfigurableApplicationContext context = start()) {
            Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            api.put("/api/v1/locations/ext-wh", Map.of("name", "External", "type", "STORE"));

            Api.Answer received = api.post("/api/v1/stock/EXT-1/locations/ext-wh/adjustments",
                    Map.of("delta", 9, "reason", "RECEIVED"));

            assertThat(received.status()).isEqualTo(200);
            assertThat(api.get("/api/v1/stock/EXT-1").json().get("totals").get("onHand")
                    .asLong()).isEqualTo(9);
            assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
                    .startsWith(url);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private ConfigurableApplicationContext start() {
        String separator = url.contains("?") ? "&" : "?";
        return new SpringApplicationBuilder(StocklineApplication.class)
                .run("--server.port=0",
                        "--spring.datasource.url=" + url + separator + "currentSchema=" + schema,
                        "--spring.datasource.username=" + user,
                        "--spring.flyway.default-schema=" + schema,
                        "--spring.flyway.create-schemas=true",
                        "--stockline.demo.enabled=false",
                        "--spring.main.banner-mode=off");
    }
}
