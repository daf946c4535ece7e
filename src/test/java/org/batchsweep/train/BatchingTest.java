package org.batchsweep.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.batchsweep.core.BatchSums;
import org.batchsweep.core.EpochOrder;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;
import org.batchsweep.core.Precision;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.optim.SgdConfig;
import org.junit.jupiter.api.Test;

/** Epochs walk the data in consecutive batches of B, the last one the remainder. */
class BatchingTest {

  private static Points line(int n) {
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i / (n - 1.0);
      y[i] = -4 * x[i] + 0.1 * Math.sin(17 * i);
    }
    return new Points(x, y);
  }

  private static RunConfig sgd(int batchSize, boolean shuffle, int epochs) {
    return new RunConfig(
        "r",
        new SgdConfig(0.1, 0.0),
        Loss.MSE,
        batchSize,
        shuffle,
        epochs,
        3,
        Precision.FLOAT64,
        new Init(0.0, 0.0));
  }

  @Test
  void stepsPerEpochIsTheCeilingOfNOverB() {
    assertThat(EpochOrder.stepsPerEpoch(1000, 10)).isEqualTo(100);
    assertThat(EpochOrder.stepsPerEpoch(203, 64)).isEqualTo(4);
    assertThat(EpochOrder.stepsPerEpoch(203, 203)).isEqualTo(1);
    assertThat(EpochOrder.stepsPerEpoch(5, 1)).isEqualTo(5);
  }

  @Test
  void theRemainderBatchAveragesOverItsOwnSize() {
    Points points = line(203);
    RunConfig run = sgd(64, false, 1);
    // One epoch by hand: batches [0,64), [64,128), [128,192), [192,203): the last has 11 points.
    double w = 0, b = 0;
    for (int from = 0; from < 203; from += 64) {
      int to = Math.min(from + 64, 203);
      double gw = 0, gb = 0;
      for (int i = from; i < to; i++) {
        double r = w * points.x()[i] + b - points.y()[i];
        gw += 2 * r * points.x()[i] / (to - from);
        gb += 2 * r / (to - from);
      }
      w -= 0.1 * gw;
      b -= 0.1 * gb;
    }
    TrainingSet data = new TrainingSet(points, null);
    for (RunOutcome outcome :
        List.of(
            PerSampleTrainer.train(data, run, false),
            FastTrainer.train(data, List.of(run), false).get(0))) {
      assertThat(outcome.steps()).isEqualTo(4);
      assertThat(outcome.slope()).isCloseTo(w, org.assertj.core.api.Assertions.within(1e-12));
      assertThat(outcome.intercept()).isCloseTo(b, org.assertj.core.api.Assertions.within(1e-12));
    }
  }

  @Test
  void everyEpochIsAFreshPermutationThatDependsOnlyOnSeedAndEpoch() {
    int[] first = EpochOrder.shuffled(7, 1, 100);
    int[] second = EpochOrder.shuffled(7, 2, 100);
    assertThat(first).isEqualTo(EpochOrder.shuffled(7, 1, 100));
    assertThat(first).isNotEqualTo(second);
    assertThat(first).isNotEqualTo(EpochOrder.shuffled(8, 1, 100));
    int[] sorted = first.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 100; i++) {
      assertThat(sorted[i]).isEqualTo(i);
    }
  }

  @Test
  void shuffledTrainingVisitsBatchesInThePermutedOrder() {
    Points points = line(50);
    RunConfig run = sgd(20, true, 2);
    double w = 0, b = 0;
    for (int epoch = 1; epoch <= 2; epoch++) {
      int[] order = EpochOrder.shuffled(run.seed(), epoch, 50);
      for (int from = 0; from < 50; from += 20) {
        int to = Math.min(from + 20, 50);
        BatchSums sums = BatchSums.of(points.x(), points.y(), order, from, to);
        double gw = Loss.MSE.gradSlope(sums, w, b);
        double gb = Loss.MSE.gradIntercept(sums, w, b);
        w -= 0.1 * gw;
        b -= 0.1 * gb;
      }
    }
    RunOutcome outcome = PerSampleTrainer.train(new TrainingSet(points, null), run, false);
    assertThat(outcome.steps()).isEqualTo(6);
    assertThat(outcome.slope()).isCloseTo(w, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(outcome.intercept()).isCloseTo(b, org.assertj.core.api.Assertions.within(1e-12));
  }
}
