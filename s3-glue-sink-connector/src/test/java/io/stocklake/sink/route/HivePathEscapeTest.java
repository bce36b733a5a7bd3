package io.stocklake.sink.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HivePathEscapeTest {

    @Test
    void escapesTheCharactersHiveEscapesAsUpperCaseHex() {
        assertThat(HivePathEscape.escape("\"#%'*/:=?\\{[]^")).isEqualTo("%22%23%25%27%2A%2F%3A%3D%3F%5C%7B%5B%5D%5E");
        assertThat(HivePathEscape.escape("a\u0001b\nc\u007f")).isEqualTo("a%01b%0Ac%7F");
    }

    @Test
    void keepsEverythingElseAsItIs() {
        String kept = "AAPL BRK.B-1_x+(),;!$&~@<>|`}é東京€";
        assertThat(HivePathEscape.escape(kept)).isSameAs(kept);
    }

    /** One-to-one: seeded random strings over an alphabet rich in escapes and look-alikes never collide. */
    @Test
    void distinctValuesEscapeToDistinctText() {
        SplittableRandom random = new SplittableRandom(20261207L);
        String alphabet = "A_/%2F=:#. é";
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(1, 8); n > 0; n--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String escaped = HivePathEscape.escape(value.toString());
            assertThat(escaped).doesNotContain("/", "=", ":", "#");
            String earlier = seen.putIfAbsent(escaped, value.toString());
            assertThat(earlier).as(escaped).isIn(null, value.toString());
        }
    }
}
