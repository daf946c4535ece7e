package org.batchsweep.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** How converging learning rates read in the condensed answer. */
class LrRangesTest {

  private static TreeMap<Double, long[]> lrs(double[] lr, long[] converged) {
    TreeMap<Double, long[]> map = new TreeMap<>();
    for (int i = 0; i < lr.length; i++) {
      map.put(lr[i], new long[] {4, converged[i]});
    }
    return map;
  }

  @Test
  void neighboursOnTheLrAxisThatConvergeReadAsOneRange() {
    TreeMap<Double, long[]> lrs =
        lrs(
            new double[] {
              0.001, 0.0018957356524063754, 0.003593813663804626, 0.1, 0.31622776601683794
            },
            new long[] {4, 2, 3, 1, 4});
    assertThat(SweepAnswers.convergingLrRanges(lrs)).containsExactly("0.001-0.00359", "0.316");
  }

  @Test
  void noConvergingLrGivesNoRange() {
    assertThat(SweepAnswers.convergingLrRanges(lrs(new double[] {0.1, 1}, new long[] {1, 0})))
        .isEmpty();
  }

  @Test
  void sentencesRoundToThreeDigitsButTheCanonicalTextStaysExact() {
    assertThat(Setting.readable(0.0018957356524063754)).isEqualTo("0.0019");
    assertThat(Setting.readable(0.01)).isEqualTo("0.01");
    assertThat(Setting.value(0.0018957356524063754)).isEqualTo("0.0018957356524063754");
  }
}
