package io.stockline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Clients racing for one SKU until it is sold out: each holds 1 or 2 units; a client refused
 * 2 units asks for 1, and stops only when even 1 is refused ("out of stock").
 */
final class FlashSaleLoad {

    enum Hold { HELD, REFUSED, FAILED }

    private final int clients;
    private final long units;
    private final IntFunction<Hold> hold;

    FlashSaleLoad(int clients, long units, IntFunction<Hold> hold) {
        this.clients = clients;
        this.units = units;
        this.hold = hold;
    }

    Outcome run() throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong held = new AtomicLong();
        AtomicLong holds = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(() -> {
                await(start);
                buyUntilSoldOut(latencies, held, holds, failures);
            });
            client.start();
            threads.add(client);
        }
        long began = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Outcome(holds.get() / seconds, latencies, held.get(), units,
                failures.get(), seconds);
    }

    private void buyUntilSoldOut(Latencies latencies, AtomicLong held, AtomicLong holds,
            AtomicLong failures) {
        int quantity = ThreadLocalRandom.current().nextInt(1, 3);
        while (true) {
            long started = System.nanoTime();
            Hold answer = hold.apply(quantity);
            latencies.record(started);
            switch (answer) {
                case HELD -> {
                    held.addAndGet(quantity);
                    holds.incrementAndGet();
                    quantity = ThreadLocalRandom.current().nextInt(1, 3);
                }
                case REFUSED -> {
                    if (quantity == 1) {
                        return;
                    }
                    quantity = 1;
                }
                case FAILED -> failures.incrementAndGet();
            }
            if (failures.get() > 10_000) {
                return;
            }
        }
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a flash sale ended with. */
    record Outcome(double holdsPerSecond, Latencies latencies, long held, long units,
            long failures, double seconds) {

        long oversold() {
            return Math.max(0, held - units);
        }

        long leftUnsold() {
            return Math.max(0, units - held);
        }

        String summary() {
            return "held %d of %d units in %.1f s, oversold %d, left unsold %d, errors %d"
                    .formatted(held, units, seconds, oversold(), leftUnsold(), failures);
        }
    }
}
