package io.stocklake.sink.route;

import java.time.Instant;

/** A record's destination and the partition time that chose it. */
public record Route(Destination destination, Instant time) {}
