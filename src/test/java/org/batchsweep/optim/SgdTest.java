package org.batchsweep.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.batchsweep.core.Optimizer;
import org.batchsweep.core.Precision;
import org.junit.jupiter.api.Test;

/**
 * SGD with PyTorch-style momentum against its update rule (optim package documentation) computed by
 * hand.
 */
class SgdTest {

  @Test
  void plainSgdStepsAgainstTheGradient() {
    Optimizer sgd = new SgdConfig(0.1, 0.0).start(Precision.FLOAT64, 1.0, 2.0);
    sgd.step(0.5, -1.0);
    assertThat(sgd.slope()).isEqualTo(1.0 - 0.1 * 0.5);
    assertThat(sgd.intercept()).isEqualTo(2.0 + 0.1 * 1.0);
  }

  @Test
  void momentumBufferStartsAtTheFirstGradientThenAccumulates() {
    Optimizer sgd = new SgdConfig(0.1, 0.9).start(Precision.FLOAT64, 0.0, 0.0);
    sgd.step(1.0, 0.0); // buf = 1
    assertThat(sgd.slope()).isEqualTo(-0.1);
    sgd.step(1.0, 0.0); // buf = 0.9·1 + 1 = 1.9
    assertThat(sgd.slope()).isEqualTo(-0.1 - 0.1 * 1.9);
    sgd.step(-2.0, 0.0); // buf = 0.9·1.9 − 2 = −0.29
    assertThat(sgd.slope()).isEqualTo(-0.1 - 0.1 * 1.9 - 0.1 * (0.9 * 1.9 - 2.0));
  }

  @Test
  void float32MatchesSinglePrecisionArithmetic() {
    Optimizer sgd = new SgdConfig(0.1, 0.9).start(Precision.FLOAT32, 0.3, 0.0);
    float p = 0.3f, buf = 0f;
    float[] grads = {0.7f, -0.2f, 0.05f};
    for (int t = 0; t < grads.length; t++) {
      sgd.step(grads[t], 0.0);
      buf = t == 0 ? grads[t] : 0.9f * buf + grads[t];
      p = p - 0.1f * buf;
      assertThat(sgd.slope()).isEqualTo((double) p);
    }
  }

  @Test
  void rejectsMomentumOutsideZeroToOne() {
    assertThatThrownBy(() -> new SgdConfig(0.1, 1.0))
        .hasMessageContaining("momentum must be in [0, 1)");
    assertThatThrownBy(() -> new SgdConfig(0.1, -0.1)).hasMessageContaining("momentum");
  }
}
