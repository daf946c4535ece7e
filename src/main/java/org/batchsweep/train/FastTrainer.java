package org.batchsweep.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchsweep.core.BatchSums;
import org.batchsweep.core.EpochOrder;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;
import org.batchsweep.core.Precision;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.Scale;
import org.batchsweep.core.TrainingSet;

/**
 * Trains runs in O(1) per step (one feature; with more, {@link FeatureTrainer} in O(d²)).
 *
 * <p>For a linear model with squared loss a batch's gradient depends only on its sums Σx, Σy, Σx²,
 * Σxy and its size (see {@link Loss}). Runs that share a seed, a shuffle setting and a precision
 * form a group: they see the same epoch orders (common random numbers). Each epoch the trainer
 * builds prefix sums over the group's order once; every run of the group then reads any batch's
 * sums as a difference of two prefix entries, whatever its batch size, so the O(n) cost of an
 * epoch's order is paid once for the whole group. Sums are accumulated in double and each gradient
 * rounded to the run's precision.
 *
 * <p>Within an epoch the runs advance step by step, every run that still has a batch taking one
 * step before any run takes the next ("step-major" order). One run's steps form a chain of
 * dependent floating-point operations (each gradient needs the previous update), so a run alone
 * would leave the CPU waiting on latencies; different runs are independent, so in step-major order
 * the CPU overlaps several runs' chains. Runs are sorted by steps per epoch, longest first, so the
 * runs still stepping are always a prefix of that order, and stepped in blocks of {@value #BLOCK}
 * so a block's state stays in cache while it walks the epoch (a 30,000-run group steps ~20% faster
 * than unblocked). Several groups train side by side, each with its own prefix sums, so the few
 * longest runs of one group (the smallest batch sizes, which step alone at the end of an epoch)
 * overlap with those of the others. Each run's arithmetic is exactly what it would be alone: the
 * order of runs and which runs train together change no result.
 */
public final class FastTrainer {

  /** Prefix sums over the epoch's order, interleaved so one batch end is one cache line. */
  private static final int X = 0;

  private static final int Y = 1;
  private static final int XX = 2;
  private static final int XY = 3;
  private static final int STRIDE = 4;

  /** Runs stepped together: enough to overlap many chains, few enough to stay in L1/L2. */
  private static final int BLOCK = 128;

  /** Groups train side by side while their prefix sums and orders fit in this many bytes. */
  private static final long SIDE_BY_SIDE_BYTES = 64L << 20;

  private FastTrainer() {}

  /**
   * Trains {@code runs} (any mix of seeds, shuffle settings and precisions) on {@code data} and
   * returns their outcomes in the same order.
   */
  public static List<RunOutcome> train(
      TrainingSet data, List<RunConfig> runs, boolean recordEpochs) {
    return train(data, runs, recordEpochs, Target.NONE);
  }

  /**
   * As {@link #train(TrainingSet, List, boolean)}, also counting each run's steps to {@code
   * target}.
   */
  public static List<RunOutcome> train(
      TrainingSet data, List<RunConfig> runs, boolean recordEpochs, Target target) {
    if (runs.isEmpty()) {
      return List.of();
    }
    if (runs.stream().anyMatch(run -> run.scale() != runs.get(0).scale())) {
      return byScale(data, runs, recordEpochs, target);
    }
    data = data.scaled(runs.get(0).scale());
    if (data.train().features() > 1) {
      return FeatureTrainer.train(data, runs, recordEpochs, target);
    }
    int n = data.train().size();
    Map<GroupKey, List<Integer>> groups = new LinkedHashMap<>();
    for (int r = 0; r < runs.size(); r++) {
      RunConfig run = runs.get(r);
      groups
          .computeIfAbsent(
              new GroupKey(run.seed(), run.shuffle(), run.precision()), k -> new ArrayList<>())
          .add(r);
    }
    RunOutcome[] outcomes = new RunOutcome[runs.size()];
    long groupBytes = (long) (n + 1) * STRIDE * Double.BYTES + (long) n * Integer.BYTES;
    int perBatch = (int) Math.max(1, Math.min(Integer.MAX_VALUE, SIDE_BY_SIDE_BYTES / groupBytes));
    List<Map.Entry<GroupKey, List<Integer>>> entries = new ArrayList<>(groups.entrySet());
    for (int first = 0; first < entries.size(); first += perBatch) {
      List<Map.Entry<GroupKey, List<Integer>>> batch =
          entries.subList(first, Math.min(entries.size(), first + perBatch));
      new SideBySide(data, runs, batch, recordEpochs, target).train(outcomes);
    }
    return Arrays.asList(outcomes);
  }

  /** Runs of each {@link Scale} train on the data as that scale sees it. */
  private static List<RunOutcome> byScale(
      TrainingSet data, List<RunConfig> runs, boolean recordEpochs, Target target) {
    RunOutcome[] outcomes = new RunOutcome[runs.size()];
    for (Scale scale : Scale.values()) {
      List<Integer> indices = new ArrayList<>();
      List<RunConfig> part = new ArrayList<>();
      for (int r = 0; r < runs.size(); r++) {
        if (runs.get(r).scale() == scale) {
          indices.add(r);
          part.add(runs.get(r));
        }
      }
      List<RunOutcome> trained = train(data, part, recordEpochs, target);
      for (int k = 0; k < indices.size(); k++) {
        outcomes[indices.get(k)] = trained.get(k);
      }
    }
    return Arrays.asList(outcomes);
  }

  private record GroupKey(long seed, boolean shuffle, Precision precision) {}

  /** Run number {@code run} of the caller's list, and its group's sums. */
  private record Member(int run, EpochSums sums) {}

  /** One group's epoch order and prefix sums over it. */
  private static final class EpochSums {
    private final Points seen;
    private final long seed;
    private final boolean shuffle;
    private final double[] prefix;
    private final int[] order;

    /**
     * The sums of final batches already summed this epoch, by where the batch starts: every run of
     * the group that ends in this epoch with the same batch size has the same final batch.
     */
    private BatchSums[] finalBatches;

    private int finalBatchesEpoch;

    EpochSums(Points seen, GroupKey key) {
      this.seen = seen;
      this.seed = key.seed();
      this.shuffle = key.shuffle();
      int n = seen.size();
      prefix = new double[STRIDE * (n + 1)];
      order = new int[n];
    }

    /** Makes {@code epoch}'s order and prefix sums current (rebuilt only when they change). */
    void startEpoch(int epoch) {
      if (!shuffle && epoch > 1) {
        return;
      }
      if (shuffle) {
        EpochOrder.shuffled(seed, epoch, order);
      } else {
        for (int i = 0; i < order.length; i++) {
          order[i] = i;
        }
      }
      double[] x = seen.x();
      double[] y = seen.y();
      double[] p = prefix;
      double sx = 0, sy = 0, sxx = 0, sxy = 0;
      for (int k = 0; k < order.length; k++) {
        int i = order[k];
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        sxy += x[i] * y[i];
        int at = STRIDE * (k + 1);
        p[at + X] = sx;
        p[at + Y] = sy;
        p[at + XX] = sxx;
        p[at + XY] = sxy;
      }
    }

    /**
     * The sums of the batch from {@code from} to the end of {@code epoch}'s order. Σy² is needed
     * only for the reported loss of a run's very last batch, so it is summed for final batches
     * alone, once per batch start and epoch however many runs end there.
     */
    BatchSums finalBatch(int epoch, int from) {
      if (finalBatches == null) {
        finalBatches = new BatchSums[order.length];
      }
      if (finalBatchesEpoch != epoch) {
        Arrays.fill(finalBatches, null);
        finalBatchesEpoch = epoch;
      }
      BatchSums sums = finalBatches[from];
      if (sums == null) {
        sums = BatchSums.of(seen.x(), seen.y(), order, from, order.length);
        finalBatches[from] = sums;
      }
      return sums;
    }
  }

  /**
   * Runs of one or more groups in step-major order, with what each step needs precomputed: the
   * group's sums, batch size, steps per epoch, and {@code 2 / count} for full and remainder
   * batches.
   */
  private static final class SideBySide {
    private final TrainingSet data;
    private final int n;
    private final int size;
    private final int[] runIndex;
    private final RunState[] states;
    private final EpochSums[] sums;
    private final int[] batchSize;
    private final int[] stepsPerEpoch;
    private final double[] twoOverFull;
    private final double[] twoOverLast;
    private final List<EpochSums> groups = new ArrayList<>();
    private int maxEpochs;

    SideBySide(
        TrainingSet data,
        List<RunConfig> runs,
        List<Map.Entry<GroupKey, List<Integer>>> batch,
        boolean recordEpochs,
        Target target) {
      this.data = data;
      this.n = data.train().size();
      List<Member> members = new ArrayList<>();
      for (Map.Entry<GroupKey, List<Integer>> group : batch) {
        EpochSums groupSums =
            new EpochSums(data.trainIn(group.getKey().precision()), group.getKey());
        groups.add(groupSums);
        for (int r : group.getValue()) {
          members.add(new Member(r, groupSums));
        }
      }
      // Most steps per epoch first; among equals, runs of one kind together, so the optimizer
      // and loss branches in the inner loop stay predictable.
      members.sort(
          Comparator.comparingInt(
                  (Member m) -> -EpochOrder.stepsPerEpoch(n, runs.get(m.run()).batchSize()))
              .thenComparing(m -> runs.get(m.run()).optimizer().name())
              .thenComparing(m -> runs.get(m.run()).loss()));
      size = members.size();
      runIndex = new int[size];
      states = new RunState[size];
      sums = new EpochSums[size];
      batchSize = new int[size];
      stepsPerEpoch = new int[size];
      twoOverFull = new double[size];
      twoOverLast = new double[size];
      for (int k = 0; k < size; k++) {
        Member member = members.get(k);
        RunConfig config = runs.get(member.run());
        int b = config.batchSize();
        int steps = EpochOrder.stepsPerEpoch(n, b);
        runIndex[k] = member.run();
        states[k] =
            new RunState(config, data.train(), data.standardization(), recordEpochs, target);
        sums[k] = member.sums();
        batchSize[k] = b;
        stepsPerEpoch[k] = steps;
        twoOverFull[k] = 2.0 / (double) b;
        twoOverLast[k] = 2.0 / (double) (n - (steps - 1) * b);
        maxEpochs = Math.max(maxEpochs, config.epochs());
      }
    }

    void train(RunOutcome[] outcomes) {
      long start = System.nanoTime();
      for (int epoch = 1; epoch <= maxEpochs; epoch++) {
        for (EpochSums group : groups) {
          group.startEpoch(epoch);
        }
        runEpoch(epoch);
      }
      long elapsed = System.nanoTime() - start;
      long totalSteps = 0;
      for (RunState state : states) {
        totalSteps += state.config.plannedSteps(n);
      }
      for (int k = 0; k < size; k++) {
        RunState state = states[k];
        // Runs train interleaved, so a run's time is its share of the whole, by steps taken.
        double share =
            totalSteps == 0 ? 1.0 / size : state.config.plannedSteps(n) / (double) totalSteps;
        state.addNanos(Math.round(elapsed * share));
        outcomes[runIndex[k]] = state.finish(data.validation());
      }
    }

    private void runEpoch(int epoch) {
      // Runs with fewer epochs than the longest sit out the later epochs.
      int[] lanes = new int[size];
      int active = 0;
      for (int k = 0; k < size; k++) {
        if (states[k].config.epochs() >= epoch) {
          lanes[active++] = k;
        }
      }
      for (int first = 0; first < active; first += BLOCK) {
        int end = Math.min(active, first + BLOCK);
        int maxSteps = stepsPerEpoch[lanes[first]];
        for (int s = 0; s < maxSteps; s++) {
          while (stepsPerEpoch[lanes[end - 1]] <= s) {
            end--;
          }
          for (int i = first; i < end; i++) {
            step(lanes[i], s, epoch);
          }
        }
      }
      for (int i = 0; i < active; i++) {
        states[lanes[i]].endEpoch(epoch);
      }
    }

    /** Step {@code s} (from 0) of run {@code k}'s current epoch. */
    private void step(int k, int s, int epoch) {
      RunState state = states[k];
      RunConfig config = state.config;
      int b = batchSize[k];
      int from = s * b;
      boolean last = s == stepsPerEpoch[k] - 1;
      int to = last ? n : from + b;
      double count = to - from;
      double twoOverCount = last ? twoOverLast[k] : twoOverFull[k];
      EpochSums group = sums[k];
      double[] p = group.prefix;
      int hi = STRIDE * to;
      int lo = STRIDE * from;
      double sx = p[hi + X] - p[lo + X];
      double sy = p[hi + Y] - p[lo + Y];
      double sxx = p[hi + XX] - p[lo + XX];
      double sxy = p[hi + XY] - p[lo + XY];
      double w = state.slope();
      double bias = state.intercept();
      Loss loss = config.loss();
      double gradSlope = loss.gradSlope(twoOverCount, count, sx, sy, sxx, sxy, w, bias);
      double gradIntercept = loss.gradIntercept(twoOverCount, count, sx, sy, w, bias);
      if (last && epoch == config.epochs()) {
        state.lastBatchLoss(loss.value(group.finalBatch(epoch, from), w, bias));
      }
      // The optimizer rounds the gradient to the run's precision.
      state.step(gradSlope, gradIntercept);
    }
  }
}
