package io.stocklake.sink.config.confluent;

/** What the sink does with one key of Confluent's S3 sink. */
public enum Treatment {
    /** The sink has a key of the same name and meaning; it is used as it is. */
    SAME_NAME("same key"),
    /** Copied to one of the sink's keys. */
    RENAMED("honoured"),
    /** Each value Confluent takes is translated to a value of one of the sink's keys; any other is refused. */
    VALUE_MAPPED("honoured"),
    /** Translated by a rule that reads other keys too (the partitioner and its keys, compression, retries). */
    TRANSLATED("honoured"),
    /** Means what the sink always does: accepted (with the listed values only, when there are any). */
    HARMLESS("accepted"),
    /** No equivalent: refused by validate(), saying what to use instead. */
    REFUSED("refused");

    private final String label;

    Treatment(String label) {
        this.label = label;
    }

    /** How the migration table names it. */
    public String label() {
        return label;
    }
}
