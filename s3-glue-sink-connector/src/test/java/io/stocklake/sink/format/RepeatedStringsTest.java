package io.stocklake.sink.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;

class RepeatedStringsTest {

    @Test
    void aValueSeenBeforeGetsTheSameBytesEvenFromAnotherStringInstance() {
        RepeatedStrings strings = new RepeatedStrings();
        Binary first = strings.utf8(new String("AAPL"));

        assertThat(strings.utf8(new String("AAPL"))).isSameAs(first);
    }

    @Test
    void theBytesAreTheValuesUtf8() {
        Binary bytes = new RepeatedStrings().utf8("Zürich €");

        assertThat(bytes.toStringUsingUTF8()).isEqualTo("Zürich €");
        assertThat(bytes.length()).isEqualTo("Zürich €".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void valuesBeyondTheLimitAreEncodedEachTimeAndStillRight() {
        RepeatedStrings strings = new RepeatedStrings();
        for (int i = 0; i < RepeatedStrings.LIMIT; i++) {
            strings.utf8("id-" + i);
        }

        Binary once = strings.utf8("one more");
        Binary again = strings.utf8("one more");

        assertThat(again).isNotSameAs(once).isEqualTo(once);
        assertThat(again.toStringUsingUTF8()).isEqualTo("one more");
        assertThat(strings.utf8("id-0")).isSameAs(strings.utf8("id-0"));
    }
}
