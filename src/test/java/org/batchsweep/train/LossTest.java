package org.batchsweep.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.batchsweep.core.BatchSums;
import org.batchsweep.core.Loss;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Both losses from batch sums against brute-force sums over samples (and sample pairs). */
class LossTest {

  private final SplittableRandom random = new SplittableRandom(42);

  /** {x, y} of a batch of 1 to 40 random points. */
  private double[][] randomBatch() {
    int b = 1 + random.nextInt(40);
    double[][] batch = new double[2][b];
    for (int j = 0; j < b; j++) {
      batch[0][j] = random.nextDouble(-2, 2);
      batch[1][j] = random.nextDouble(-5, 5);
    }
    return batch;
  }

  @RepeatedTest(20)
  void broadcastLossAndGradientEqualTheDoubleSumOverAllPairs() {
    double[][] batch = randomBatch();
    double[] x = batch[0];
    double[] y = batch[1];
    int b = x.length;
    double w = random.nextDouble(-3, 3);
    double c = random.nextDouble(-3, 3);
    // L = 1/B² Σ_i Σ_j (w·x_j + c − y_i)², differentiated term by term.
    double loss = 0, gw = 0, gb = 0;
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < b; j++) {
        double r = w * x[j] + c - y[i];
        loss += r * r / ((double) b * b);
        gw += 2 * r * x[j] / ((double) b * b);
        gb += 2 * r / ((double) b * b);
      }
    }
    BatchSums sums = BatchSums.of(x, y, null, 0, b);
    assertThat(Loss.MSE_BROADCAST.value(sums, w, c))
        .isCloseTo(loss, within(1e-10 * Math.max(1, loss)));
    assertThat(Loss.MSE_BROADCAST.gradSlope(sums, w, c))
        .isCloseTo(gw, within(1e-10 * Math.max(1, Math.abs(gw))));
    assertThat(Loss.MSE_BROADCAST.gradIntercept(sums, w, c))
        .isCloseTo(gb, within(1e-10 * Math.max(1, Math.abs(gb))));
  }

  @RepeatedTest(20)
  void mseAndItsGradientEqualThePerSampleSum() {
    double[][] batch = randomBatch();
    double[] x = batch[0];
    double[] y = batch[1];
    int b = x.length;
    double w = random.nextDouble(-3, 3);
    double c = random.nextDouble(-3, 3);
    double loss = 0, gw = 0, gb = 0;
    for (int j = 0; j < b; j++) {
      double r = w * x[j] + c - y[j];
      loss += r * r / b;
      gw += 2 * r * x[j] / b;
      gb += 2 * r / b;
    }
    BatchSums sums = BatchSums.of(x, y, null, 0, b);
    assertThat(Loss.MSE.value(sums, w, c)).isCloseTo(loss, within(1e-10 * Math.max(1, loss)));
    assertThat(Loss.MSE.gradSlope(sums, w, c))
        .isCloseTo(gw, within(1e-10 * Math.max(1, Math.abs(gw))));
    assertThat(Loss.MSE.gradIntercept(sums, w, c))
        .isCloseTo(gb, within(1e-10 * Math.max(1, Math.abs(gb))));
  }

  @Test
  void broadcastCannotSeeTheSlopeOfABatchItsGradientVanishesAtTheFlatMeanLine() {
    double[] x = {0, 1, 2, 3};
    double[] y = {0, -4, -8, -12}; // exactly y = -4x
    BatchSums sums = BatchSums.of(x, y, null, 0, 4);
    assertThat(Loss.MSE.gradSlope(sums, -4, 0)).isZero();
    // The broadcast loss is minimised by slope 0 at the batch mean (-6), not by the line.
    assertThat(Loss.MSE_BROADCAST.gradSlope(sums, 0, -6)).isZero();
    assertThat(Loss.MSE_BROADCAST.gradIntercept(sums, 0, -6)).isZero();
    assertThat(Loss.MSE_BROADCAST.gradSlope(sums, -4, 0)).isNotZero();
  }
}
