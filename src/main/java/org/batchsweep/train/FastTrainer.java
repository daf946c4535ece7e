package org.batchsweep.train;

import java.util.ArrayList;
import java.util.List;
import org.batchsweep.data.Points;
import org.batchsweep.optim.Precision;

/**
 * Trains a group of runs that share a seed, a shuffle setting and a precision, in O(1) per step.
 *
 * <p>For a linear model with squared loss a batch's gradient depends only on its sums Σx, Σy, Σx²,
 * Σxy and its size (see {@link Loss}). Each epoch the trainer builds prefix sums over that epoch's
 * order once; every run in the group then reads any batch's sums as a difference of two prefix
 * entries, whatever its batch size. Because the group shares its seed, all its runs see the same
 * permutations (common random numbers), so the O(n) cost of an epoch's order is paid once for the
 * whole group. Sums are accumulated in double and each gradient rounded to the run's precision.
 */
public final class FastTrainer {

  private final Points seen;
  private final double[] prefixX;
  private final double[] prefixY;
  private final double[] prefixXX;
  private final double[] prefixXY;
  private final int[] order;

  private FastTrainer(Points seen) {
    this.seen = seen;
    int n = seen.size();
    prefixX = new double[n + 1];
    prefixY = new double[n + 1];
    prefixXX = new double[n + 1];
    prefixXY = new double[n + 1];
    order = new int[n];
  }

  /**
   * Trains {@code runs}, which must all have the same seed, shuffle setting and precision, and
   * returns their outcomes in the same order.
   */
  public static List<RunOutcome> train(TrainingSet data, List<RunConfig> runs, boolean recordEpochs) {
    if (runs.isEmpty()) {
      return List.of();
    }
    RunConfig first = runs.get(0);
    for (RunConfig run : runs) {
      if (run.seed() != first.seed()
          || run.shuffle() != first.shuffle()
          || run.precision() != first.precision()) {
        throw new IllegalArgumentException(
            "a FastTrainer group must share seed, shuffle and precision: " + first + " vs " + run);
      }
    }
    return new FastTrainer(data.trainIn(first.precision()))
        .trainGroup(data, runs, first.seed(), first.shuffle(), recordEpochs);
  }

  private List<RunOutcome> trainGroup(
      TrainingSet data, List<RunConfig> runs, long seed, boolean shuffle, boolean recordEpochs) {
    List<RunState> states = new ArrayList<>(runs.size());
    int maxEpochs = 0;
    for (RunConfig config : runs) {
      states.add(new RunState(config, data.train(), recordEpochs));
      maxEpochs = Math.max(maxEpochs, config.epochs());
    }
    for (int epoch = 1; epoch <= maxEpochs; epoch++) {
      long orderStart = System.nanoTime();
      if (shuffle || epoch == 1) {
        buildPrefixSums(seed, epoch, shuffle);
      }
      long orderNanos = System.nanoTime() - orderStart;
      int active = 0;
      for (RunState state : states) {
        if (state.config.epochs() >= epoch) {
          active++;
        }
      }
      for (RunState state : states) {
        if (state.config.epochs() >= epoch) {
          long start = System.nanoTime();
          runEpoch(state, epoch == state.config.epochs());
          state.endEpoch(epoch);
          state.addNanos(System.nanoTime() - start + orderNanos / active);
        }
      }
    }
    List<RunOutcome> outcomes = new ArrayList<>(states.size());
    for (RunState state : states) {
      outcomes.add(state.finish(data.validation()));
    }
    return outcomes;
  }

  private void buildPrefixSums(long seed, int epoch, boolean shuffle) {
    if (shuffle) {
      EpochOrder.shuffled(seed, epoch, order);
    } else {
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
    }
    double[] x = seen.x();
    double[] y = seen.y();
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      sx += x[i];
      sy += y[i];
      sxx += x[i] * x[i];
      sxy += x[i] * y[i];
      prefixX[k + 1] = sx;
      prefixY[k + 1] = sy;
      prefixXX[k + 1] = sxx;
      prefixXY[k + 1] = sxy;
    }
  }

  private void runEpoch(RunState state, boolean finalEpoch) {
    RunConfig config = state.config;
    Precision precision = config.precision();
    Loss loss = config.loss();
    int n = order.length;
    int batchSize = config.batchSize();
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(from + batchSize, n);
      double count = to - from;
      double sx = prefixX[to] - prefixX[from];
      double sy = prefixY[to] - prefixY[from];
      double sxx = prefixXX[to] - prefixXX[from];
      double sxy = prefixXY[to] - prefixXY[from];
      double w = state.slope();
      double b = state.intercept();
      double gradSlope = loss.gradSlope(count, sx, sy, sxx, sxy, w, b);
      double gradIntercept = loss.gradIntercept(count, sx, sy, w, b);
      if (finalEpoch && to == n) {
        // Σy² is needed only for the reported loss, so it is summed for the final batch alone.
        state.lastBatchLoss(loss.value(BatchSums.of(seen.x(), seen.y(), order, from, to), w, b));
      }
      state.step(precision.round(gradSlope), precision.round(gradIntercept));
    }
  }
}
