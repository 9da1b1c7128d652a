package io.stockline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Stockline: the single source of truth for stock in a headless shop.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class StocklineApplication {

    public static void main(String[] args) {
        SpringApplication.run(StocklineApplication.class, args);
    }
}
