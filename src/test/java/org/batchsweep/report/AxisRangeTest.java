package org.batchsweep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AxisRangeTest {

  @Test
  void givenExplodedAndNonFiniteValues_whenTheRangeIsBuilt_thenOnlyValuesNearTheCoreSetIt() {
    double[] core = {-4.0, 1.0, -1.0};
    double[] values = {-3.9, -2.0, 0.5, 3.4e38, -3.4e38, Double.NaN, Double.POSITIVE_INFINITY, 1e6};

    AxisRange range = AxisRange.robust(core, values);

    assertThat(range.lo()).as("lower edge: the core's -4, padded").isBetween(-4.5, -4.0);
    assertThat(range.hi()).as("upper edge: the core's 1, padded").isBetween(1.0, 1.5);
    assertThat(range.offScale(3.4e38)).isTrue();
    assertThat(range.offScale(Double.NaN)).isTrue();
    assertThat(range.offScale(-2.0)).isFalse();
  }

  @Test
  void givenAValueWithinReachOfTheCore_whenTheRangeIsBuilt_thenItIsDrawnToScale() {
    // Core -4..1 is 5 wide, so values down to -24 and up to 21 widen the axis; -25 does not.
    AxisRange range = AxisRange.robust(new double[] {-4, 1}, new double[] {-20.0, 20.5, -25});

    assertThat(range.contains(-20.0)).isTrue();
    assertThat(range.contains(20.5)).isTrue();
    assertThat(range.contains(-25)).isFalse();
  }

  @Test
  void givenOffScaleValues_thenTheirMarkersSitJustInsideTheEdgeTheyAreBeyond() {
    AxisRange range = new AxisRange(-5, 5);

    assertThat(range.edge(1e30)).isCloseTo(4.75, within(1e-12));
    assertThat(range.edge(-1e30)).isCloseTo(-4.75, within(1e-12));
    assertThat(range.edge(Double.NaN)).as("non-finite: at the top").isCloseTo(4.75, within(1e-12));
    assertThat(range.clamp(1e30)).isEqualTo(5);
  }

  @Test
  void givenALogAxis_whenALossExplodes_thenTheRangeStaysWithinOrdersOfMagnitudeOfTheSaneLosses() {
    // Core 0.0027..0.01 spans 0.57 decades, so values up to ~0.037 are drawn to scale.
    AxisRange range =
        AxisRange.robustLog(new double[] {0.0027, 0.01}, new double[] {0.003, 0.03, 1e70, 0, -1});

    assertThat(range.log()).isTrue();
    assertThat(range.lo()).isLessThan(0.0027).isGreaterThan(1e-4);
    assertThat(range.hi()).isGreaterThanOrEqualTo(0.03).isLessThan(1);
    assertThat(range.edge(1e70)).isLessThan(range.hi()).isGreaterThan(range.hi() / 2);
  }

  @Test
  void givenNoCore_thenTheMiddleHalfOfTheValuesTakesItsPlace() {
    AxisRange range = AxisRange.robust(new double[] {}, new double[] {1, 2, 3, 4, 5, 6, 7, 1e30});

    assertThat(range.contains(1)).isTrue();
    assertThat(range.contains(7)).isTrue();
    assertThat(range.contains(1e30)).isFalse();
  }
}
