package org.batchsweep.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.batchsweep.core.Optimizer;
import org.batchsweep.core.Precision;
import org.junit.jupiter.api.Test;

/**
 * Adam against its update rule (optim package documentation) computed by hand, in both precisions.
 */
class AdamTest {

  @Test
  void firstStepMovesEachParameterByAboutLrAgainstItsGradient() {
    Optimizer adam = AdamConfig.withDefaults(0.01).start(Precision.FLOAT64, 0.5, -0.25);
    adam.step(0.2, -3.0);
    // m = 0.1·g, v = 0.001·g², m̂ = g, v̂ = g²: p -= 0.01 · g / (|g| + 1e-8)
    assertThat(adam.slope())
        .isEqualTo(0.5 - 0.01 * 0.2 / (0.2 + 1e-8), org.assertj.core.api.Assertions.within(1e-15));
    assertThat(adam.intercept())
        .isEqualTo(
            -0.25 + 0.01 * 3.0 / (3.0 + 1e-8), org.assertj.core.api.Assertions.within(1e-15));
    assertThat(adam.steps()).isEqualTo(1);
  }

  @Test
  void threeStepsInFloat64FollowTheFormula() {
    double[] grads = {0.2, -0.1, 0.05};
    Optimizer adam = AdamConfig.withDefaults(0.01).start(Precision.FLOAT64, 0.5, 0.0);
    double p = 0.5, m = 0, v = 0;
    for (int t = 1; t <= grads.length; t++) {
      double g = grads[t - 1];
      adam.step(g, 0.0);
      m = 0.9 * m + (1 - 0.9) * g;
      v = 0.999 * v + (1 - 0.999) * g * g;
      p -=
          (0.01 / (1 - Math.pow(0.9, t)))
              * m
              / (Math.sqrt(v) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8);
      assertThat(adam.slope()).as("step %d", t).isEqualTo(p);
    }
  }

  @Test
  void float32RoundsEveryOperationLikeSinglePrecisionTensors() {
    float[] grads = {0.2f, -0.1f, 0.05f, 1e-3f};
    Optimizer adam = AdamConfig.withDefaults(0.01).start(Precision.FLOAT32, 0.5, 0.0);
    float p = 0.5f, m = 0f, v = 0f;
    for (int t = 1; t <= grads.length; t++) {
      float g = grads[t - 1];
      adam.step(g, 0.0);
      m = 0.9f * m + 0.1f * g;
      v = 0.999f * v + (0.001f * g) * g;
      float stepSize = (float) (-0.01 / (1 - Math.pow(0.9, t)));
      float correction = (float) Math.sqrt(1 - Math.pow(0.999, t));
      float denominator = (float) Math.sqrt(v) / correction + 1e-8f;
      p = p + (stepSize * m) / denominator;
      assertThat(adam.slope()).as("step %d", t).isEqualTo((double) p);
      assertThat((double) (float) adam.slope()).isEqualTo(adam.slope());
    }
  }

  @Test
  void rejectsNonPositiveLearningRates() {
    assertThatThrownBy(() -> AdamConfig.withDefaults(0.0)).hasMessageContaining("lr must be");
    assertThatThrownBy(() -> AdamConfig.withDefaults(Double.NaN))
        .hasMessageContaining("lr must be");
  }
}
