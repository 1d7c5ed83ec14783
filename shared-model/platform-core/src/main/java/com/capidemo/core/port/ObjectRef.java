package com.capidemo.core.port;

/** An object in a bucket, e.g. {@code templates}/{@code shopify/orders.parquet}. */
public record ObjectRef(String bucket, String name) {
    @Override
    public String toString() {
        return bucket + "/" + name;
    }
}
