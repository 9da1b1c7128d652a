package io.stockline.demo;

import io.stockline.database.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Logs one line at start that says where the data lives and where to point a browser.
 */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment environment;
    private final DatabaseProperties database;

    StartupBanner(Environment environment, DatabaseProperties database) {
        this.environment = environment;
        this.database = database;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void announce(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext context)) {
            return;
        }
        int port = context.getWebServer().getPort();
        String base = "http://localhost:" + port;
        log.info("Stockline ready data={} api={}/api/v1 swagger-ui={}/swagger-ui.html "
                + "health={}/actuator/health demo={}/demo", dataLocation(), base, base, base,
                base);
    }

    private String dataLocation() {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.isBlank()) {
            return url;
        }
        return "embedded PostgreSQL in " + database.dataDir().toAbsolutePath();
    }
}
