package io.stocklake.source.ticks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class TickOffsetsTest {

    private static Map<String, ?> throughWorkerJson(Map<String, Object> offset) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        byte[] bytes = converter.fromConnectData("offsets", null, offset);
        return (Map<String, ?>) converter.toConnectData("offsets", bytes).value();
    }

    @Test
    void theStateSurvivesTheWorkersJsonExactly() {
        TickState state = new TickState(123_456_789_012L, 187.43000000000123, 1_782_912_345_678_901L, 4_200_000);

        assertThat(TickOffsets.state(throughWorkerJson(TickOffsets.offset(state))))
                .contains(state);
    }

    @Test
    void smallNumbersComingBackAsIntegersStillRead() {
        Map<String, Object> offset = new HashMap<>(TickOffsets.offset(new TickState(1, 10.0, 5, 0)));
        offset.put("seq", 1);
        offset.put("day_volume", (short) 0);

        assertThat(TickOffsets.state(offset)).contains(new TickState(1, 10.0, 5, 0));
    }

    @Test
    void noOffsetMeansAFreshStream() {
        assertThat(TickOffsets.state(null)).isEmpty();
        assertThat(TickOffsets.state(Map.of())).isEmpty();
    }

    @Test
    void anOffsetOfAnotherFormatIsRefused() {
        Map<String, Object> offset = new HashMap<>(TickOffsets.offset(new TickState(1, 10.0, 5, 0)));
        offset.put("format", 99);

        assertThatThrownBy(() -> TickOffsets.state(offset)).hasMessageContaining("format 99");
    }

    @Test
    void thePartitionIsTheSymbol() {
        assertThat(TickOffsets.partition("AAPL")).isEqualTo(Map.of("symbol", "AAPL"));
    }
}
