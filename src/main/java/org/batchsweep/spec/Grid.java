package org.batchsweep.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.batchsweep.BadInputException;
import org.batchsweep.core.Loss;
import org.batchsweep.core.LrScaling;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.Scale;
import org.batchsweep.core.Schedule;

/**
 * The cartesian product of a spec's grid axes. Optimizer settings that do not apply are not
 * repeated (see {@link OptimizerVariants}): e.g. Adam runs are not repeated once per momentum.
 */
public final class Grid {

  private Grid() {}

  /** The number of runs the grid describes, computed without expanding it. */
  public static long size(GridSpec grid) {
    long optimizerVariants = 0;
    for (String optimizer : grid.optimizer()) {
      optimizerVariants += OptimizerVariants.of(grid, optimizer).size();
    }
    long size = optimizerVariants;
    for (int axis :
        new int[] {
          grid.batchSize().size(),
          grid.shuffle().size(),
          grid.loss().size(),
          grid.seed().size(),
          Math.max(1, grid.epochs().size()),
          grid.scale().size()
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
          "grid: "
              + size
              + " runs is more than limits.max_runs = "
              + spec.maxRuns()
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
    RunIds ids = new RunIds();
    for (long seed : grid.seed()) {
      for (String optimizer : grid.optimizer()) {
        for (OptimizerVariants.Variant variant : OptimizerVariants.of(grid, optimizer)) {
          OptimizerConfig optimizerConfig = variant.optimizer();
          for (Loss loss : grid.loss()) {
            for (boolean shuffle : grid.shuffle()) {
              for (Scale scale : grid.scale()) {
                for (int epochs : epochsAxis) {
                  // Only the batch size changes in the innermost loop: hash the rest once.
                  RunConfig template =
                      new RunConfig(
                          null,
                          optimizerConfig,
                          loss,
                          1,
                          shuffle,
                          epochs,
                          seed,
                          train.precision(),
                          train.init(),
                          variant.schedule(),
                          variant.lrScaling(),
                          grid.optim().baseBatchSize(),
                          scale);
                  ids.start(template, dataFingerprint);
                  for (int batchSize : grid.batchSize()) {
                    runs.add(template.with(ids.id(batchSize), batchSize));
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
        canonicalBeforeBatchSize(run, dataFingerprint)
            + run.batchSize()
            + canonicalAfterBatchSize(run);
    return run.with(sha256Hex(canonical).substring(0, 16), run.batchSize());
  }

  /** The canonical text a run id hashes is these two parts around the batch size. */
  private static String canonicalBeforeBatchSize(RunConfig run, String dataFingerprint) {
    return String.join(
            ";",
            "data=" + dataFingerprint,
            "optimizer=" + run.optimizer().name(),
            "lr=" + run.optimizer().lr(),
            "momentum=" + run.optimizer().momentum(),
            "loss=" + run.loss().label())
        + ";batch_size=";
  }

  private static String canonicalAfterBatchSize(RunConfig run) {
    return ";"
        + String.join(
            ";",
            "shuffle=" + run.shuffle(),
            "epochs=" + run.epochs(),
            "seed=" + run.seed(),
            "precision=" + run.precision().label(),
            "init=" + run.init().describe())
        + optimExtras(run);
  }

  /**
   * The settings added with the optimizers and schedules, only where they differ from what every
   * run had before them, so a run that uses none of them keeps the id it always had.
   */
  private static String optimExtras(RunConfig run) {
    StringBuilder extras = new StringBuilder(run.optimizer().canonicalExtras());
    if (!(run.schedule() instanceof Schedule.Constant)) {
      extras.append(";schedule=").append(run.schedule().label());
    }
    if (run.scale() != Scale.NONE) {
      extras.append(";scale=").append(run.scale().label());
    }
    if (run.lrScaling() != LrScaling.NONE) {
      extras
          .append(";lr_scaling=")
          .append(run.lrScaling().label())
          .append(";base_batch_size=")
          .append(run.baseBatchSize());
    }
    return extras.toString();
  }

  /**
   * Run ids for the batch sizes of one setting, as {@link #withId} computes them: the SHA-256 of
   * the canonical text, first 16 hex digits. The digest of the part before the batch size is
   * computed once and cloned; on 10^6 runs this is ~4× faster than hashing each text afresh.
   */
  private static final class RunIds {
    private final MessageDigest sha256 = newSha256();
    private final HexFormat hex = HexFormat.of();
    private MessageDigest afterPrefix;
    private byte[] suffix;

    void start(RunConfig template, String dataFingerprint) {
      sha256.reset();
      sha256.update(
          canonicalBeforeBatchSize(template, dataFingerprint).getBytes(StandardCharsets.UTF_8));
      afterPrefix = copy(sha256);
      suffix = canonicalAfterBatchSize(template).getBytes(StandardCharsets.UTF_8);
    }

    String id(int batchSize) {
      MessageDigest digest = copy(afterPrefix);
      digest.update(Integer.toString(batchSize).getBytes(StandardCharsets.UTF_8));
      digest.update(suffix);
      return hex.formatHex(digest.digest(), 0, 8);
    }

    private static MessageDigest copy(MessageDigest digest) {
      try {
        return (MessageDigest) digest.clone();
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("SHA-256 digests must be cloneable", e);
      }
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
