package io.stockline.reservation;

/** Whether a SKU may be held beyond what its locations have. */
public enum BackorderMode {
    /** Never: a hold beyond availability is refused. */
    DENY,
    /** Up to the policy's limit, for a product that is normally stocked. */
    ALLOW,
    /** Up to the policy's limit, for a product not released yet. */
    PREORDER
}
