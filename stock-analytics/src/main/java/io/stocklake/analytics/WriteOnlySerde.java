package io.stocklake.analytics;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** The serde of a result topic this application only writes; its readers are the sink and people's consumers. */
record WriteOnlySerde<T>(Serializer<T> serializer) implements Serde<T> {

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            throw new UnsupportedOperationException("The application does not read " + topic);
        };
    }
}
