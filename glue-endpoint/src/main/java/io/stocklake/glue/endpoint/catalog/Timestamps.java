package io.stocklake.glue.endpoint.catalog;

import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.time.Clock;

/** The current time as Glue's JSON carries timestamps: epoch seconds as a number, with milliseconds. */
public final class Timestamps {
    private final Clock clock;

    public Timestamps(Clock clock) {
        this.clock = clock;
    }

    DecimalNode now() {
        return DecimalNode.valueOf(BigDecimal.valueOf(clock.millis(), 3));
    }
}
