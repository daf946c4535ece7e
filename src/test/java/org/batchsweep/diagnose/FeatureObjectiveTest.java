package org.batchsweep.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.batchsweep.core.EpochOrder;
import org.batchsweep.core.FeatureSums;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The d-feature objective minimisers are where the objective's gradient vanishes: for fixed batches
 * the mean over an epoch's batches of each batch loss's gradient (plus λθ under weight decay) is
 * zero at the minimiser, checked with the trainers' own {@link Loss#gradient}. With one feature
 * they equal the one-feature closed forms.
 */
class FeatureObjectiveTest {

  static Points data(int d, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n * d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double target = 0.3;
      for (int j = 0; j < d; j++) {
        // Raw-unit scales 1 to 100, and x sorted by its first feature so fixed batches differ.
        x[i * d + j] = (j == 0 ? i / (double) n : random.nextDouble()) * Math.pow(10, j % 3);
        target += (j % 2 == 0 ? -2 : 1.5) * x[i * d + j] / Math.pow(10, j % 3);
      }
      y[i] = target + 0.05 * random.nextGaussian();
    }
    return new Points(d, x, y);
  }

  /** Σ over an epoch's fixed batches of ∇L_k(θ), plus K·λθ. */
  static double[] epochGradient(Loss loss, int batchSize, double decay, Points p, double[] theta) {
    int n = p.size();
    int d = p.features();
    double[] total = new double[d + 1];
    double[] g = new double[d + 1];
    FeatureSums sums = new FeatureSums(d);
    int batches = EpochOrder.stepsPerEpoch(n, batchSize);
    for (int from = 0; from < n; from += batchSize) {
      loss.gradient(sums.of(p, null, from, Math.min(n, from + batchSize)), theta, g);
      for (int j = 0; j <= d; j++) {
        total[j] += g[j];
      }
    }
    for (int j = 0; j <= d; j++) {
      total[j] += batches * decay * theta[j];
    }
    return total;
  }

  @ParameterizedTest(name = "d {0}, {1}, B {2}, decay {3}")
  @CsvSource({
    "3, mse, 70, 0",
    "3, mse-broadcast, 70, 0",
    "5, mse, 64, 0",
    "5, mse-broadcast, 64, 0",
    "4, mse, 30, 0.05",
    "4, mse-broadcast, 30, 0.05",
    "10, mse, 100, 0",
    "10, mse-broadcast, 33, 0.01",
  })
  void fixedBatchMinimisersZeroTheEpochGradient(int d, String lossLabel, int b, double decay) {
    Points p = data(d, 500, 11 + d);
    Loss loss = Loss.fromLabel(lossLabel);
    double[] theta =
        decay == 0
            ? ObjectiveMinimiser.of(loss, false, b, p)
            : ObjectiveMinimiser.ridge(loss, false, b, decay, p);
    double[] gradient = epochGradient(loss, b, decay, p, theta);
    for (double g : gradient) {
      assertThat(g).isCloseTo(0.0, within(1e-8));
    }
  }

  /** Shuffled mse's minimiser is ordinary least squares: the normal equations' solution. */
  @ParameterizedTest
  @CsvSource({"2", "6"})
  void shuffledMseIsOrdinaryLeastSquares(int d) {
    Points p = data(d, 300, 5);
    double[] theta = ObjectiveMinimiser.of(Loss.MSE, true, 32, p);
    // The full-batch gradient vanishes there.
    double[] g = new double[d + 1];
    Loss.MSE.gradient(new FeatureSums(d).of(p, null, 0, p.size()), theta, g);
    for (double v : g) {
      assertThat(v).isCloseTo(0.0, within(1e-9));
    }
  }

  /** With one feature the d-feature ridge equals the one-feature closed form. */
  @ParameterizedTest(name = "{0} shuffle {1} B {2}")
  @CsvSource({
    "mse, false, 70",
    "mse-broadcast, false, 70",
    "mse, true, 64",
    "mse-broadcast, true, 64",
  })
  void ridgeWithOneFeatureEqualsTheClosedForm(String lossLabel, boolean shuffle, int b) {
    Points p = data(1, 400, 3);
    Loss loss = Loss.fromLabel(lossLabel);
    double[] general = ObjectiveMinimiser.ridge(loss, shuffle, b, 0.05, p);
    double[] closed = RidgeObjective.of(loss, shuffle, b, 0.05, p);
    assertThat(general[0]).isCloseTo(closed[0], within(1e-9));
    assertThat(general[1]).isCloseTo(closed[1], within(1e-9));
  }
}
