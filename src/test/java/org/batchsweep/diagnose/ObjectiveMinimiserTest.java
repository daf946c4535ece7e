package org.batchsweep.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The closed-form minimisers against a brute-force numerical minimisation of the objective itself:
 * the epoch's batch losses summed, written out sample by sample (and pair by pair for the broadcast
 * loss), and for shuffling averaged over every permutation of a small data set.
 */
class ObjectiveMinimiserTest {

  private static Points points(int n) {
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = -0.5 + 1.7 * i / (n - 1) + 0.05 * Math.sin(3 * i);
      y[i] = 2.5 * x[i] - 0.7 + 0.3 * Math.cos(5 * i + 1);
    }
    return new Points(x, y);
  }

  /** One batch's loss, by its definition. */
  private static double batchLoss(
      Loss loss, Points p, int[] order, int from, int to, double w, double b) {
    int size = to - from;
    double sum = 0;
    for (int k = from; k < to; k++) {
      int j = order[k];
      double prediction = w * p.x()[j] + b;
      if (loss == Loss.MSE) {
        sum += (prediction - p.y()[j]) * (prediction - p.y()[j]) / size;
      } else {
        for (int m = from; m < to; m++) { // every prediction against every target of the batch
          double r = prediction - p.y()[order[m]];
          sum += r * r / ((double) size * size);
        }
      }
    }
    return sum;
  }

  private static double epochObjective(
      Loss loss, Points p, int[] order, int batchSize, double w, double b) {
    double total = 0;
    for (int from = 0; from < order.length; from += batchSize) {
      total += batchLoss(loss, p, order, from, Math.min(from + batchSize, order.length), w, b);
    }
    return total;
  }

  private static List<int[]> permutations(int n) {
    List<int[]> all = new ArrayList<>();
    permute(new int[n], new boolean[n], 0, all);
    return all;
  }

  private static void permute(int[] current, boolean[] used, int depth, List<int[]> all) {
    if (depth == current.length) {
      all.add(current.clone());
      return;
    }
    for (int i = 0; i < current.length; i++) {
      if (!used[i]) {
        used[i] = true;
        current[depth] = i;
        permute(current, used, depth + 1, all);
        used[i] = false;
      }
    }
  }

  private static double[] minimise(ToDoubleBiFunction<Double, Double> objective) {
    PointValuePair best =
        new SimplexOptimizer(1e-15, 1e-15)
            .optimize(
                new MaxEval(20_000),
                new ObjectiveFunction(v -> objective.applyAsDouble(v[0], v[1])),
                GoalType.MINIMIZE,
                new InitialGuess(new double[] {0.1, 0.1}),
                new NelderMeadSimplex(new double[] {1.0, 1.0}));
    return best.getPoint();
  }

  @ParameterizedTest(name = "{0}, fixed batches, n {1}, B {2}")
  @CsvSource({
    "mse, 23, 5",
    "mse, 23, 23",
    "mse, 24, 6",
    "mse-broadcast, 23, 5",
    "mse-broadcast, 24, 6",
    "mse-broadcast, 23, 1",
    "mse-broadcast, 23, 22"
  })
  void fixedBatchesMatchBruteForce(String loss, int n, int batchSize) {
    Points p = points(n);
    Loss l = Loss.fromLabel(loss);
    int[] identity = java.util.stream.IntStream.range(0, n).toArray();
    double[] brute = minimise((w, b) -> epochObjective(l, p, identity, batchSize, w, b));
    double[] closed = ObjectiveMinimiser.of(l, false, batchSize, p);
    assertThat(closed[0]).isCloseTo(brute[0], within(1e-6));
    assertThat(closed[1]).isCloseTo(brute[1], within(1e-6));
  }

  @ParameterizedTest(name = "{0}, shuffled, n {1}, B {2}")
  @CsvSource({
    "mse, 7, 3",
    "mse, 6, 2",
    "mse-broadcast, 6, 2",
    "mse-broadcast, 6, 3",
    "mse-broadcast, 7, 3",
    "mse-broadcast, 7, 2",
    "mse-broadcast, 7, 7",
    "mse-broadcast, 7, 1"
  })
  void shuffledMatchesBruteForceOverEveryPermutation(String loss, int n, int batchSize) {
    Points p = points(n);
    Loss l = Loss.fromLabel(loss);
    List<int[]> orders = permutations(n);
    double[] brute =
        minimise(
            (w, b) -> {
              double sum = 0;
              for (int[] order : orders) {
                sum += epochObjective(l, p, order, batchSize, w, b);
              }
              return sum / orders.size();
            });
    double[] closed = ObjectiveMinimiser.of(l, true, batchSize, p);
    assertThat(closed[0]).isCloseTo(brute[0], within(1e-6));
    assertThat(closed[1]).isCloseTo(brute[1], within(1e-6));
  }

  @ParameterizedTest
  @CsvSource({"10, -0.3964", "1000, 0.0", "1, -4.0"})
  void theSeedsShuffledBroadcastSlopeIsTheLineSlopeTimesNMinusBOverBTimesNMinus1(
      int batchSize, double expected) {
    double[] x = new double[1000];
    double[] y = new double[1000];
    for (int i = 0; i < 1000; i++) {
      x[i] = i / 999.0;
      y[i] = -4 * x[i];
    }
    double[] minimiser =
        ObjectiveMinimiser.of(Loss.MSE_BROADCAST, true, batchSize, new Points(x, y));
    assertThat(minimiser[0]).isCloseTo(expected, within(1e-4));
    assertThat(minimiser[1]).isCloseTo(-2 - minimiser[0] * 0.5, within(1e-12));
  }
}
