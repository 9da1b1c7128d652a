package io.stockline.database;

import java.nio.file.Files;
import java.nio.file.Path;

import io.stockline.StocklineApplication;
import io.stockline.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database keeps what it was told across a restart of the service, and a fresh
 * data directory gets the demo data.
 */
class EmbeddedDatabaseRestartIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void answeredWriteSurvivesARestartOfTheService() {
        Path cluster = dataDir.resolve("pg");
        try (ConfigurableApplicationContext first = start(cluster)) {
            Api api = new Api(port(first));
            assertThat(api.get("/api/v1/stock/TEE-001-S").status()).isEqualTo(200);
            Api.Answer sold = api.put("/api/v1/stock/TEE-001-S/locations/wh-berlin",
                    java.util.Map.of("onHand", 4321));
            assertThat(sold.status()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = start(cluster)) {
            Api api = new Api(port(second));
            Api.Answer level = api.get("/api/v1/stock/TEE-001-S/locations/wh-berlin");
            assertThat(level.json().get("onHand").asLong()).isEqualTo(4321);
        }
        assertThat(Files.exists(cluster.resolve("PG_VERSION"))).isTrue();
    }

    private static ConfigurableApplicationContext start(Path cluster) {
        return new SpringApplicationBuilder(StocklineApplication.class)
                .run("--server.port=0",
                        "--stockline.embedded-postgres.data-dir=" + cluster,
                        "--stockline.demo.enabled=true",
                        "--stockline.demo.skus=40",
                        "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
