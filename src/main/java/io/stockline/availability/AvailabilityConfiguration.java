package io.stockline.availability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's near-cache, fed by committed changes and measured: Caffeine's statistics as
 * {@code cache_gets_total{cache="availability"}} and the hit ratio as
 * {@code stockline_availability_cache_hit_ratio}.
 */
@Configuration(proxyBeanMethods = false)
class AvailabilityConfiguration {

    @Bean
    NearCache availabilityCache(ReadModel readModel, AvailabilityProperties properties,
            AvailabilityFeed feed, MeterRegistry registry) {
        NearCache cache = new NearCache(readModel, properties);

        feed.subscribe(cache::changed);
        CaffeineCacheMetrics.monitor(registry, cache.caffeine(), "availability");
        Gauge.builder("stockline.availability.cache.hit.ratio", cache,
                        near -> near.caffeine().stats().hitRate())
                .description("share of availability lookups answered from memory")
                .register(registry);
        return cache;
    }
}
