package org.batchsweep.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConvergenceSpecTest {

  @Test
  void theBoxNeedsEveryWeightAndTheInterceptWithinTolerance() {
    ConvergenceSpec box = new ConvergenceSpec(0.05, 0.1);
    assertThat(box.byExcessMse()).isFalse();
    assertThat(box.converged(new double[] {0.05, -0.04}, 0.1, 9, 1)).isTrue();
    assertThat(box.converged(new double[] {0.05, -0.06}, 0.0, 1, 1)).isFalse();
    assertThat(box.converged(new double[] {0.0}, -0.11, 1, 1)).isFalse();
    assertThat(box.converged(new double[] {Double.NaN}, 0, 1, 1)).isFalse();
    // one feature: the same answer as the two-argument test
    assertThat(box.converged(new double[] {0.03}, 0.02, 5, 1)).isEqualTo(box.converged(0.03, 0.02));
    assertThat(box.converged(new double[] {0.07}, 0.02, 1, 1)).isEqualTo(box.converged(0.07, 0.02));
  }

  @Test
  void anExcessMseCriterionJudgesTheLossAloneWhateverTheWeights() {
    ConvergenceSpec loss = new ConvergenceSpec(0.05, 0.05, 0.01);
    assertThat(loss.byExcessMse()).isTrue();
    assertThat(loss.converged(new double[] {5, -5}, 3, 2.02, 2.0)).isTrue();
    assertThat(loss.converged(new double[] {0, 0}, 0, 2.021, 2.0)).isFalse();
    assertThat(loss.converged(new double[] {0}, 0, Double.NaN, 2.0)).isFalse();
    assertThat(new ConvergenceSpec(0.05, 0.05, 0).converged(new double[] {1}, 1, 2.0, 2.0))
        .isTrue();
  }
}
