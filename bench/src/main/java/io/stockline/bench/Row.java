package io.stockline.bench;

/**
 * One line of the result table.
 *
 * @param perSecond operations per second, or NaN where it does not apply
 */
record Row(String scenario, String subject, double perSecond, double p50Millis,
        double p99Millis, double maxMillis, String notes) {

    static Row of(String scenario, String subject, double perSecond, Latencies latencies,
            String notes) {
        return new Row(scenario, subject, perSecond, latencies.p50Millis(),
                latencies.p99Millis(), latencies.maxMillis(), notes);
    }

    String markdown() {
        return "| %s | %s | %s | %s | %s | %s | %s |".formatted(scenario, subject,
                number(perSecond), number(p50Millis), number(p99Millis), number(maxMillis),
                notes);
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100 ? "%,.0f".formatted(value) : "%.2f".formatted(value);
    }

    static String header() {
        return "| scenario | subject | per second | p50 ms | p99 ms | max ms | notes |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | --- |";
    }
}
