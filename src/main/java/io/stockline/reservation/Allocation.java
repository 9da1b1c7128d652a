package io.stockline.reservation;

/**
 * Part of a reservation line held at one location.
 *
 * @param location the location key
 * @param quantity units held there, at least 1
 */
public record Allocation(String location, long quantity) {
}
