package io.stocklake.sink.catalog;

/** A table of the catalog; the database it lives in is the catalog's setting. */
public record TableRef(String name) {}
