package io.stocklake.glue.endpoint.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stocklake.glue.endpoint.api.GlueError;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionExpressionParserTest {
    private static final List<PartitionKey> KEYS = List.of(
            new PartitionKey("dt", "string"),
            new PartitionKey("hour", "string"),
            new PartitionKey("n", "int"),
            new PartitionKey("day", "date"));

    /** Partition values in key order: dt, hour, n, day. */
    private static List<String> partition(String dt, String hour, String n, String day) {
        return List.of(dt, hour, n, day);
    }

    private static final List<String> P = partition("2026-11-24", "03", "9", "2026-11-24");

    private static boolean matches(String expression, List<String> values) {
        return PartitionExpressionParser.parse(expression, KEYS).test(values);
    }

    @Test
    void equalityOnAStringKey() {
        assertThat(matches("dt = '2026-11-24'", P)).isTrue();
        assertThat(matches("dt = '2026-11-25'", P)).isFalse();
    }

    @Test
    void theExpressionTrinoSends() {
        assertThat(matches("((dt = '2026-11-24')) AND ((hour = '03'))", P)).isTrue();
        assertThat(matches("((dt = '2026-11-24')) AND ((hour = '04'))", P)).isFalse();
    }

    @Test
    void inequalityInEverySpelling() {
        assertThat(matches("hour <> '04'", P)).isTrue();
        assertThat(matches("hour != '04'", P)).isTrue();
        assertThat(matches("hour < > '04'", P)).isTrue();
        assertThat(matches("hour <> '03'", P)).isFalse();
    }

    @Test
    void orderingOnAStringKeyIsLexicographic() {
        List<String> nine = partition("2026-11-24", "9", "9", "2026-11-24");

        assertThat(matches("hour > '10'", nine)).isTrue();
        assertThat(matches("hour <= '03'", P)).isTrue();
        assertThat(matches("hour >= '04'", P)).isFalse();
        assertThat(matches("hour < '04'", P)).isTrue();
    }

    @Test
    void orderingOnANumericKeyIsNumeric() {
        assertThat(matches("n < 10", P)).isTrue();
        assertThat(matches("n > 10", P)).isFalse();
        assertThat(matches("n = '9'", P)).isTrue();
        assertThat(matches("n >= 9.0", P)).isTrue();
    }

    @Test
    void orderingOnADateKeyIsByDate() {
        assertThat(matches("day > '2026-11-23'", P)).isTrue();
        assertThat(matches("day BETWEEN '2026-11-01' AND '2026-11-30'", P)).isTrue();
    }

    @Test
    void aValueThatIsNotOfTheKeysTypeMatchesNothing() {
        List<String> notANumber = partition("2026-11-24", "03", "x", "2026-11-24");

        assertThat(matches("n < 10", notANumber)).isFalse();
        assertThat(matches("n > 10", notANumber)).isFalse();
    }

    @Test
    void inAndNotIn() {
        assertThat(matches("hour IN ('02', '03')", P)).isTrue();
        assertThat(matches("hour IN ('04')", P)).isFalse();
        assertThat(matches("hour NOT IN ('02', '03')", P)).isFalse();
    }

    @Test
    void betweenIsInclusiveAndCanBeNegated() {
        assertThat(matches("hour BETWEEN '03' AND '05'", P)).isTrue();
        assertThat(matches("hour BETWEEN '01' AND '03'", P)).isTrue();
        assertThat(matches("hour BETWEEN '04' AND '05'", P)).isFalse();
        assertThat(matches("hour NOT BETWEEN '04' AND '05'", P)).isTrue();
    }

    @Test
    void betweenInsideAConjunction() {
        assertThat(matches("dt = '2026-11-24' AND hour BETWEEN '00' AND '05' AND n = 9", P))
                .isTrue();
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(matches("dt = 'x' AND hour = 'x' OR n = 9", P)).isTrue();
        assertThat(matches("dt = 'x' AND (hour = 'x' OR n = 9)", P)).isFalse();
    }

    @Test
    void notNegates() {
        assertThat(matches("NOT dt = '2026-11-24'", P)).isFalse();
        assertThat(matches("NOT (hour = '04' OR hour = '05')", P)).isTrue();
    }

    @Test
    void likeMatchesSqlWildcards() {
        assertThat(matches("dt LIKE '2026-11-%'", P)).isTrue();
        assertThat(matches("hour LIKE '0_'", P)).isTrue();
        assertThat(matches("dt LIKE '2025%'", P)).isFalse();
        assertThat(matches("dt NOT LIKE '2025%'", P)).isTrue();
    }

    @Test
    void aLiteralMayStandOnTheLeft() {
        assertThat(matches("'04' > hour", P)).isTrue();
        assertThat(matches("10 <= n", P)).isFalse();
    }

    @Test
    void quotesInsideStringsAreDoubled() {
        List<String> quoted = partition("it's", "03", "9", "2026-11-24");

        assertThat(matches("dt = 'it''s'", quoted)).isTrue();
    }

    @Test
    void keywordsAndKeyNamesIgnoreCase() {
        assertThat(matches("DT = '2026-11-24' and Hour in ('03') Or n between 1 And 2", P))
                .isTrue();
    }

    @Test
    void backQuotedKeyNames() {
        assertThat(matches("`dt` = '2026-11-24'", P)).isTrue();
    }

    @Test
    void isNullHoldsForNoPartition() {
        assertThat(matches("dt IS NULL", P)).isFalse();
        assertThat(matches("dt IS NOT NULL", P)).isTrue();
    }

    @Test
    void aBlankExpressionSelectsEverything() {
        assertThat(PartitionExpressionParser.parse("  ", KEYS)).isSameAs(PartitionPredicate.ALL);
    }

    @Test
    void aColumnThatIsNotAPartitionKeyIsInvalidInput() {
        assertInvalid("symbol = 'ACME'", "symbol");
    }

    @Test
    void aLiteralNotOfTheKeysTypeIsInvalidInput() {
        assertInvalid("n = 'nine'", "nine");
    }

    @Test
    void aKeyOfAnUnsupportedTypeIsInvalidInput() {
        assertThatThrownBy(() ->
                        PartitionExpressionParser.parse("flag = 'true'", List.of(new PartitionKey("flag", "boolean"))))
                .isInstanceOfSatisfying(
                        GlueError.class, e -> assertThat(e.code()).isEqualTo("InvalidInputException"));
    }

    @Test
    void malformedExpressionsAreInvalidInput() {
        assertInvalid("dt =", "end of expression");
        assertInvalid("dt = '2026-11-24' hour", "hour");
        assertInvalid("(dt = '2026-11-24'", "end of expression");
        assertInvalid("dt = 'unterminated", "Unterminated");
        assertInvalid("dt ~ 'x'", "~");
        assertInvalid("dt IN ()", ")");
        assertInvalid("AND dt = 'x'", "AND");
    }

    private static void assertInvalid(String expression, String mention) {
        assertThatThrownBy(() -> PartitionExpressionParser.parse(expression, KEYS))
                .isInstanceOfSatisfying(GlueError.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidInputException");
                    assertThat(e.httpStatus()).isEqualTo(400);
                })
                .hasMessageContaining(mention);
    }
}
