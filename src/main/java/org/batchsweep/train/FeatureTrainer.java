package org.batchsweep.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchsweep.core.EpochOrder;
import org.batchsweep.core.FeatureSums;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;
import org.batchsweep.core.Precision;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.TrainingSet;

/**
 * Trains runs on data with more than one feature in O(d²) per step, whatever the batch size.
 *
 * <p>As in {@link FastTrainer}, a batch's gradient depends only on its sums (Σx, Σy, Σxxᵀ, Σxy and
 * its size; see {@link Loss#gradient}). Runs that share a seed, a shuffle setting and a precision
 * see the same epoch orders, so each epoch the trainer builds prefix sums over the group's order
 * once, and every run reads any batch's sums as the difference of two prefix entries. A run whose
 * batches are so small that visiting their samples is cheaper than the O(d²) sums ({@link
 * #perSampleIsCheaper}), or whose group's prefix sums would not fit in {@link #MAX_PREFIX_BYTES},
 * trains with {@link PerSampleTrainer} instead; the two agree to rounding (see the tests).
 */
final class FeatureTrainer {

  /** The most memory one group's prefix sums may take before its runs train per sample. */
  static final long MAX_PREFIX_BYTES = 256L << 20;

  private FeatureTrainer() {}

  /**
   * Whether a step that visits each of a batch's {@code batchSize} samples (O(B·d)) costs less than
   * one from prefix sums (O(d²)).
   */
  static boolean perSampleIsCheaper(int batchSize, int d) {
    return batchSize < d;
  }

  static List<RunOutcome> train(
      TrainingSet data, List<RunConfig> runs, boolean recordEpochs, Target target) {
    return train(data, runs, recordEpochs, target, true);
  }

  /**
   * As {@link #train(TrainingSet, List, boolean, Target)}; with {@code choose} false every run
   * trains from prefix sums (for the tests that compare the two ways).
   */
  static List<RunOutcome> train(
      TrainingSet data, List<RunConfig> runs, boolean recordEpochs, Target target, boolean choose) {
    Points train = data.train();
    int n = train.size();
    int d = train.features();
    boolean prefixFits =
        (long) FeatureSums.prefixStride(d) * (n + 1) * Double.BYTES <= MAX_PREFIX_BYTES;
    RunOutcome[] outcomes = new RunOutcome[runs.size()];
    Map<GroupKey, List<Integer>> groups = new LinkedHashMap<>();
    for (int r = 0; r < runs.size(); r++) {
      RunConfig run = runs.get(r);
      if (choose && (!prefixFits || perSampleIsCheaper(run.batchSize(), d))) {
        outcomes[r] = PerSampleTrainer.train(data, run, recordEpochs, target);
      } else {
        groups
            .computeIfAbsent(
                new GroupKey(run.seed(), run.shuffle(), run.precision()), k -> new ArrayList<>())
            .add(r);
      }
    }
    for (Map.Entry<GroupKey, List<Integer>> group : groups.entrySet()) {
      new Group(data, group.getKey(), runs, group.getValue(), recordEpochs, target).train(outcomes);
    }
    return List.of(outcomes);
  }

  private record GroupKey(long seed, boolean shuffle, Precision precision) {}

  /** The runs of one group, trained epoch by epoch over shared prefix sums. */
  private static final class Group {
    private final TrainingSet data;
    private final GroupKey key;
    private final Points seen;
    private final List<Integer> members;
    private final RunState[] states;
    private final int n;
    private final int d;
    private final double[] prefix;
    private final int[] order;
    private final FeatureSums sums;
    private final FeatureSums finalBatch;
    private final double[] params;
    private final double[] gradient;

    Group(
        TrainingSet data,
        GroupKey key,
        List<RunConfig> runs,
        List<Integer> members,
        boolean recordEpochs,
        Target target) {
      this.data = data;
      this.key = key;
      this.seen = data.trainIn(key.precision());
      this.members = members;
      this.n = seen.size();
      this.d = seen.features();
      this.states = new RunState[members.size()];
      for (int m = 0; m < states.length; m++) {
        states[m] =
            new RunState(
                runs.get(members.get(m)),
                data.train(),
                data.standardization(),
                recordEpochs,
                target);
      }
      this.prefix = new double[FeatureSums.prefixStride(d) * (n + 1)];
      this.order = new int[n];
      this.sums = new FeatureSums(d);
      this.finalBatch = new FeatureSums(d);
      this.params = new double[d + 1];
      this.gradient = new double[d + 1];
    }

    void train(RunOutcome[] outcomes) {
      int maxEpochs = 0;
      for (RunState state : states) {
        maxEpochs = Math.max(maxEpochs, state.config.epochs());
      }
      long[] started = new long[states.length];
      for (int epoch = 1; epoch <= maxEpochs; epoch++) {
        if (epoch == 1 || key.shuffle()) {
          startEpoch(epoch);
        }
        for (int m = 0; m < states.length; m++) {
          RunState state = states[m];
          if (state.config.epochs() < epoch) {
            continue;
          }
          long start = System.nanoTime();
          runEpoch(state, epoch);
          started[m] += System.nanoTime() - start;
        }
      }
      for (int m = 0; m < states.length; m++) {
        states[m].addNanos(started[m]);
        outcomes[members.get(m)] = states[m].finish(data.validation());
      }
    }

    private void startEpoch(int epoch) {
      if (key.shuffle()) {
        EpochOrder.shuffled(key.seed(), epoch, order);
      } else {
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
      }
      FeatureSums.fillPrefix(seen, order, prefix);
    }

    private void runEpoch(RunState state, int epoch) {
      RunConfig config = state.config;
      Loss loss = config.loss();
      int b = config.batchSize();
      int steps = EpochOrder.stepsPerEpoch(n, b);
      for (int s = 0; s < steps; s++) {
        int from = s * b;
        int to = Math.min(from + b, n);
        for (int j = 0; j <= d; j++) {
          params[j] = state.param(j);
        }
        if (s == steps - 1 && epoch == config.epochs()) {
          state.lastBatchLoss(loss.value(finalBatch.of(seen, order, from, to), params));
        }
        loss.gradient(sums.ofPrefix(prefix, from, to), params, gradient);
        state.step(gradient);
      }
      state.endEpoch(epoch);
    }
  }
}
