package io.stocklake.source.ticks;

/** A tick and the state its symbol's stream is in after it. */
public record GeneratedTick(Tick tick, TickState state) {}
