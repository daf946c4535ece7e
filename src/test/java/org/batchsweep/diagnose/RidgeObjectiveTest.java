package org.batchsweep.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ridge minimiser: without decay it is {@link ObjectiveMinimiser}'s; with decay the gradient of
 * the epoch's batch losses (summed batch by batch here, independently of the moments) plus λθ
 * vanishes there.
 */
class RidgeObjectiveTest {

  static Points line(int n) {
    SplittableRandom random = new SplittableRandom(n);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = -0.5 + 2.0 * i / (n - 1);
      y[i] = -4 * x[i] + 1 + 0.1 * random.nextGaussian();
    }
    return new Points(x, y);
  }

  @ParameterizedTest(name = "{0} shuffle={1} B={2}")
  @CsvSource({
    "MSE,false,64",
    "MSE,true,64",
    "MSE_BROADCAST,false,64",
    "MSE_BROADCAST,true,64",
    "MSE_BROADCAST,true,30",
    "MSE,false,1000"
  })
  void withoutDecayItIsTheObjectiveMinimiser(Loss loss, boolean shuffle, int batchSize) {
    Points train = line(203);
    double[] ridge = RidgeObjective.of(loss, shuffle, batchSize, 0.0, train);
    double[] plain = ObjectiveMinimiser.of(loss, shuffle, batchSize, train);
    assertThat(ridge[0]).isCloseTo(plain[0], within(1e-9));
    assertThat(ridge[1]).isCloseTo(plain[1], within(1e-9));
  }

  @ParameterizedTest(name = "{0} B={1} λ={2}")
  @CsvSource({"MSE,64,0.1", "MSE,10,0.01", "MSE_BROADCAST,64,0.1", "MSE_BROADCAST,203,1.0"})
  void withDecayTheFixedBatchGradientPlusDecayVanishes(Loss loss, int batchSize, double lambda) {
    Points train = line(203);
    double[] theta = RidgeObjective.of(loss, false, batchSize, lambda, train);
    double[] x = train.x();
    double[] y = train.y();
    int n = x.length;
    int batches = (n + batchSize - 1) / batchSize;
    double gw = 0, gb = 0;
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(n, from + batchSize);
      double mean = 0;
      for (int j = from; j < to; j++) {
        mean += y[j] / (to - from);
      }
      for (int j = from; j < to; j++) {
        double target = loss == Loss.MSE ? y[j] : mean;
        double r = theta[0] * x[j] + theta[1] - target;
        gw += 2.0 / (to - from) * r * x[j] / batches;
        gb += 2.0 / (to - from) * r / batches;
      }
    }
    assertThat(gw + lambda * theta[0]).isCloseTo(0, within(1e-12));
    assertThat(gb + lambda * theta[1]).isCloseTo(0, within(1e-12));
    // And the decay shrinks the fit toward 0 in norm.
    double[] plain = ObjectiveMinimiser.of(loss, false, batchSize, train);
    assertThat(Math.hypot(theta[0], theta[1])).isLessThan(Math.hypot(plain[0], plain[1]) + 1e-12);
  }

  @ParameterizedTest(name = "λ={0}")
  @CsvSource({"0.01", "0.5"})
  void shuffledMseIsRidgeOverAllPoints(double lambda) {
    Points train = line(500);
    double[] theta = RidgeObjective.of(Loss.MSE, true, 50, lambda, train);
    double gw = 0, gb = 0;
    for (int j = 0; j < 500; j++) {
      double r = theta[0] * train.x()[j] + theta[1] - train.y()[j];
      gw += 2 * r * train.x()[j] / 500;
      gb += 2 * r / 500;
    }
    assertThat(gw + lambda * theta[0]).isCloseTo(0, within(1e-12));
    assertThat(gb + lambda * theta[1]).isCloseTo(0, within(1e-12));
  }
}
