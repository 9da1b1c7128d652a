package io.stockline;

import io.stockline.transfer.TransferCommand;
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
        if (TransferCommand.handles(args)) {
            System.exit(TransferCommand.run(StocklineApplication.class, args, System.out,
                    System.err));
        }
        SpringApplication.run(StocklineApplication.class, args);
    }
}
