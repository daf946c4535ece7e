package org.batchsweep.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.batchsweep.BadInputException;
import org.batchsweep.optim.AdamConfig;
import org.batchsweep.optim.OptimizerConfig;
import org.batchsweep.train.Loss;
import org.batchsweep.train.RunConfig;

/**
 * The cartesian product of a spec's grid axes. Momentum applies to SGD only: Adam runs are not
 * repeated once per momentum value.
 */
public final class Grid {

  private Grid() {}

  /** The number of runs the grid describes, computed without expanding it. */
  public static long size(GridSpec grid) {
    long optimizerVariants = 0;
    for (String optimizer : grid.optimizer()) {
      optimizerVariants += optimizer.equals(AdamConfig.NAME) ? 1 : grid.momentum().size();
    }
    long size = optimizerVariants;
    for (int axis :
        new int[] {
          grid.batchSize().size(), grid.shuffle().size(), grid.loss().size(), grid.lr().size(),
          grid.seed().size(), Math.max(1, grid.epochs().size())
        }) {
      size = Math.multiplyExact(size, axis);
    }
    return size;
  }

  static void checkSize(SweepSpec spec) {
    long size;
    try {
      size = size(spec.grid());
    } catch (ArithmeticException e) {
      size = Long.MAX_VALUE;
    }
    if (size > spec.maxRuns()) {
      throw new BadInputException(
          "grid: " + size + " runs is more than limits.max_runs = " + spec.maxRuns()
              + "; shrink an axis or raise the limit with --set limits.max_runs=N");
    }
  }

  /**
   * Expands the grid. {@code dataFingerprint} identifies the training data, so run ids change when
   * the data does.
   */
  public static List<RunConfig> expand(SweepSpec spec, String dataFingerprint) {
    GridSpec grid = spec.grid();
    TrainSpec train = spec.train();
    List<Integer> epochsAxis = grid.epochs().isEmpty() ? List.of(train.epochs()) : grid.epochs();
    List<RunConfig> runs = new ArrayList<>((int) Math.min(Integer.MAX_VALUE, size(grid)));
    for (long seed : grid.seed()) {
      for (String optimizer : grid.optimizer()) {
        List<Double> momenta = optimizer.equals(AdamConfig.NAME) ? List.of(0.0) : grid.momentum();
        for (double lr : grid.lr()) {
          for (double momentum : momenta) {
            OptimizerConfig optimizerConfig = OptimizerConfig.of(optimizer, lr, momentum);
            for (Loss loss : grid.loss()) {
              for (boolean shuffle : grid.shuffle()) {
                for (int epochs : epochsAxis) {
                  for (int batchSize : grid.batchSize()) {
                    RunConfig unnamed =
                        new RunConfig(
                            null, optimizerConfig, loss, batchSize, shuffle, epochs, seed,
                            train.precision(), train.init());
                    runs.add(withId(unnamed, dataFingerprint));
                  }
                }
              }
            }
          }
        }
      }
    }
    return runs;
  }

  /** The run with its id: a hash of every setting that determines its result, and of the data. */
  static RunConfig withId(RunConfig run, String dataFingerprint) {
    String canonical =
        String.join(
            ";",
            "data=" + dataFingerprint,
            "optimizer=" + run.optimizer().name(),
            "lr=" + run.optimizer().lr(),
            "momentum=" + run.optimizer().momentum(),
            "loss=" + run.loss().label(),
            "batch_size=" + run.batchSize(),
            "shuffle=" + run.shuffle(),
            "epochs=" + run.epochs(),
            "seed=" + run.seed(),
            "precision=" + run.precision().label(),
            "init=" + run.init().describe());
    return new RunConfig(
        sha256Hex(canonical).substring(0, 16),
        run.optimizer(),
        run.loss(),
        run.batchSize(),
        run.shuffle(),
        run.epochs(),
        run.seed(),
        run.precision(),
        run.init());
  }

  public static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
