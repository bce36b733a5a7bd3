package io.stocklake.source.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriceGridTest {

    @Test
    void theTickIsOneCentFromOneDollarUp() {
        assertThat(PriceGrid.tickAt(10_000)).isEqualTo(100);
        assertThat(PriceGrid.tickAt(2_300_000)).isEqualTo(100);
    }

    @Test
    void theTickIsOneHundredthOfACentBelowOneDollar() {
        assertThat(PriceGrid.tickAt(9_999)).isEqualTo(1);
        assertThat(PriceGrid.tickAt(1)).isEqualTo(1);
    }

    @Test
    void floorRoundsDownToTheGridOfThePrice() {
        assertThat(PriceGrid.floor(230.019)).isEqualTo(2_300_100);
        assertThat(PriceGrid.floor(0.51239)).isEqualTo(5_123);
        assertThat(PriceGrid.floor(1.00999)).isEqualTo(10_000);
    }

    @Test
    void floorDoesNotDropAGridPriceThatBinaryFloatingPointCannotHoldExactly() {
        assertThat(PriceGrid.floor(0.29)).isEqualTo(2_900);
        assertThat(PriceGrid.floor(187.43)).isEqualTo(1_874_300);
    }

    @Test
    void floorNeverReachesZero() {
        assertThat(PriceGrid.floor(0.00001)).isEqualTo(1);
    }

    @Test
    void ceilRoundsUpToTheGridOfThePrice() {
        assertThat(PriceGrid.ceil(10_001L)).isEqualTo(10_100);
        assertThat(PriceGrid.ceil(9_999L)).isEqualTo(9_999);
        assertThat(PriceGrid.ceil(230.001)).isEqualTo(2_300_100);
    }

    @Test
    void aboveCrossesFromTheSubDollarGridToTheCentGrid() {
        assertThat(PriceGrid.above(9_999)).isEqualTo(10_000);
        assertThat(PriceGrid.above(10_000)).isEqualTo(10_100);
    }

    @Test
    void recognisesGridPrices() {
        assertThat(PriceGrid.isOnGrid(2_300_100)).isTrue();
        assertThat(PriceGrid.isOnGrid(2_300_150)).isFalse();
        assertThat(PriceGrid.isOnGrid(5_123)).isTrue();
        assertThat(PriceGrid.isOnGrid(0)).isFalse();
    }

    @Test
    void readsDollarsBackIntoUnitsOnlyWhenOnAUnit() {
        assertThat(PriceGrid.unitsOf(PriceGrid.toDollars(1_874_300))).isEqualTo(1_874_300);
        assertThat(PriceGrid.unitsOf(1.00005)).isEqualTo(-1);
    }
}
