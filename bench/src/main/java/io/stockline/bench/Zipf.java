package io.stockline.bench;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s, by binary search in
 * the cumulative distribution.
 */
final class Zipf {

    private final double[] cumulative;

    Zipf(int n, double s) {
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += 1.0 / Math.pow(rank + 1, s);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < n; rank++) {
            cumulative[rank] /= sum;
        }
    }

    int next() {
        double u = ThreadLocalRandom.current().nextDouble();
        int index = Arrays.binarySearch(cumulative, u);
        return index >= 0 ? index : Math.min(-index - 1, cumulative.length - 1);
    }
}
