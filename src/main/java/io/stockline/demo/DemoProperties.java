package io.stockline.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data for a first look.
 *
 * @param enabled load demo locations and SKUs when the database has no location yet
 * @param skus    how many demo SKUs to create
 */
@ConfigurationProperties("stockline.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("300") int skus) {

    public DemoProperties {
        if (skus < 1 || skus > 100_000) {
            throw new IllegalArgumentException(
                    "stockline.demo.skus must be 1..100000, was " + skus);
        }
    }
}
