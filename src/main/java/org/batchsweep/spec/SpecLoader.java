package org.batchsweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.batchsweep.BadInputException;
import org.batchsweep.core.ConvergenceSpec;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Precision;
import org.batchsweep.core.Scale;
import org.batchsweep.optim.OptimizerNames;

/**
 * Turns a spec file and {@code --set} overrides into a validated {@link SweepSpec}, before any
 * Spark work starts. Unknown keys, wrong types and out-of-range values are refused with one line
 * naming the key, the value and what is accepted.
 */
public final class SpecLoader {

  private static final Set<String> ROOT_KEYS =
      Set.of("name", "data", "train", "optim", "grid", "converged", "limits", "fixes");
  private static final Set<String> DATA_KEYS =
      Set.of(
          "kind",
          "slope",
          "intercept",
          "n",
          "x_range",
          "noise",
          "seed",
          "path",
          "validation",
          "validation_path",
          "weights",
          "feature_scales",
          "features",
          "label");
  private static final Set<String> TRAIN_KEYS =
      Set.of("epochs", "precision", "init", "record_epochs", "base_batch_size");
  private static final Set<String> GRID_KEYS =
      Set.of(
          "batch_size",
          "shuffle",
          "loss",
          "optimizer",
          "lr",
          "momentum",
          "seed",
          "epochs",
          "nesterov",
          "weight_decay",
          "schedule",
          "lr_scaling",
          "scale");
  private static final Set<String> CONVERGED_KEYS =
      Set.of("slope_tol", "intercept_tol", "excess_mse_rel");
  private static final Set<String> FIXES_KEYS = Set.of("enabled", "max_per_kind");
  private static final Set<String> LIMITS_KEYS = Set.of("max_runs", "chunk_runs", "max_features");
  private static final Set<String> INIT_KEYS = Set.of("slope", "intercept", "weights");
  private static final int MAX_EPOCHS = 10_000_000;
  private static final int MAX_FEATURES = 1_000;

  private SpecLoader() {}

  /** Loads {@code file} (or only the defaults when null) with the overrides applied in order. */
  public static SweepSpec load(Path file, List<String> overrides) {
    SpecTree tree = SpecTree.defaults();
    if (file != null) {
      tree.mergeFile(file);
      SpecPaths.resolve(
          tree.root(), file.toAbsolutePath().getParent()); // relative to the spec file
    }
    return validate(tree, overrides);
  }

  /** Loads a spec given as YAML text (e.g. a bundled spec or one stored in the sweeps table). */
  public static SweepSpec loadText(String yaml, String source, List<String> overrides) {
    return validate(SpecTree.defaults().merge(yaml, source), overrides);
  }

  private static SweepSpec validate(SpecTree tree, List<String> overrides) {
    for (String override : overrides) {
      tree.override(override);
    }
    SpecPaths.resolve(tree.root(), Path.of("").toAbsolutePath()); // --set paths: the current folder
    Section root = new Section("", tree.root(), ROOT_KEYS);
    String name = root.name("name");
    Section limits = root.section("limits", LIMITS_KEYS);
    int maxFeatures =
        (int)
            Section.integer(
                limits.key("max_features"),
                limits.get("max_features"),
                1,
                MAX_FEATURES,
                "an integer from 1 to " + MAX_FEATURES);
    DataSpec data = DataSpecReader.read(root.section("data", DATA_KEYS), maxFeatures);
    Section trainSection = root.section("train", TRAIN_KEYS);
    TrainSpec train = train(trainSection);
    GridSpec grid =
        grid(
            root.section("grid", GRID_KEYS),
            root.section("optim", OptimSpecReader.OPTIM_KEYS),
            trainSection);
    Section converged = root.section("converged", CONVERGED_KEYS);
    ConvergenceSpec convergence =
        new ConvergenceSpec(
            converged.positive("slope_tol", "a number > 0"),
            converged.positive("intercept_tol", "a number > 0"),
            converged.has("excess_mse_rel")
                ? converged.atLeast("excess_mse_rel", 0, "null or a number ≥ 0")
                : Double.NaN);
    long maxRuns = limits.integer("max_runs", 1, "an integer ≥ 1");
    int chunkRuns =
        (int)
            Section.integer(
                limits.key("chunk_runs"),
                limits.get("chunk_runs"),
                1,
                Integer.MAX_VALUE,
                "an integer ≥ 1");
    StoredSpec.normalize(tree.root(), data);
    Section fixesSection = root.section("fixes", FIXES_KEYS);
    FixesSpec fixes =
        new FixesSpec(
            fixesSection.bool("enabled"),
            (int)
                Section.integer(
                    fixesSection.key("max_per_kind"),
                    fixesSection.get("max_per_kind"),
                    1,
                    100,
                    "an integer from 1 to 100"));
    SweepSpec spec =
        new SweepSpec(
            name, data, train, grid, convergence, maxRuns, chunkRuns, tree.toYaml(), fixes);
    Grid.checkSize(spec);
    SpecConsistency.check(spec);
    if (data.isGenerated()) { // d is known now: 1 for a line, the weights' count for linear data
      FeatureCount.check(spec, data.weights() == null ? 1 : data.weights().size(), null);
    }
    return spec;
  }

  private static TrainSpec train(Section s) {
    int epochs = (int) s.integer("epochs", 1, "an integer from 1 to " + MAX_EPOCHS);
    if (epochs > MAX_EPOCHS) {
      throw s.fail("epochs", s.get("epochs"), "an integer from 1 to " + MAX_EPOCHS);
    }
    Precision precision = Precision.fromLabel(s.text("precision", List.of("float32", "float64")));
    return new TrainSpec(epochs, precision, init(s), s.bool("record_epochs"));
  }

  private static Init init(Section train) {
    JsonNode node = train.get("init");
    String accepted =
        "kaiming, {slope: S, intercept: I} or {weights: [W1, ...], intercept: I}"
            + " (any may be left out)";
    if (node != null && node.isTextual() && node.asText().equals("kaiming")) {
      return Init.KAIMING;
    }
    if (node == null || !node.isObject()) {
      throw train.fail("init", node, accepted);
    }
    Section init = train.section("init", INIT_KEYS);
    Double intercept = init.has("intercept") ? init.finite("intercept") : null;
    if (init.has("weights")) {
      if (init.has("slope")) {
        throw new BadInputException(
            init.key("slope")
                + " and "
                + init.key("weights")
                + " are both set; give the slope (one feature) or the weights (one per feature)");
      }
      List<Double> weights =
          init.finiteList("weights", "a list of finite numbers, one per feature");
      if (weights.isEmpty()) {
        throw init.fail(
            "weights", init.get("weights"), "a list of finite numbers, one per feature");
      }
      return new Init(weights, intercept);
    }
    Double slope = init.has("slope") ? init.finite("slope") : null;
    return new Init(slope, intercept);
  }

  private static GridSpec grid(Section s, Section optim, Section train) {
    List<Integer> batchSizes = new ArrayList<>();
    for (double v : axis(s, "batch_size", "integers ≥ 1")) {
      long size = (long) v; // truncates like int(numpy.linspace(...))
      if (!(v >= 1) || size > Integer.MAX_VALUE || (!isGenerated(s, "batch_size") && v != size)) {
        throw new BadInputException(
            s.key("batch_size")
                + ": "
                + format(v)
                + " is not a batch size; accepted: integers ≥ 1");
      }
      batchSizes.add((int) size);
    }
    List<Boolean> shuffle =
        AxisValues.items(
            s.key("shuffle"),
            s.get("shuffle"),
            item -> {
              if (!item.isBoolean()) {
                throw Section.failure(s.key("shuffle"), item, "true, false");
              }
              return item.asBoolean();
            });
    List<Loss> losses =
        AxisValues.items(
            s.key("loss"),
            s.get("loss"),
            item -> {
              if (!item.isTextual() || !Loss.isLabel(item.asText())) {
                throw Section.failure(s.key("loss"), item, Loss.labels());
              }
              return Loss.fromLabel(item.asText());
            });
    List<String> optimizers =
        AxisValues.items(
            s.key("optimizer"),
            s.get("optimizer"),
            item -> {
              if (!item.isTextual() || !OptimizerNames.ALL.contains(item.asText())) {
                throw Section.failure(s.key("optimizer"), item, OptimizerNames.ACCEPTED);
              }
              return item.asText();
            });
    List<Double> lrs = new ArrayList<>();
    for (double v : axis(s, "lr", "numbers > 0")) {
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new BadInputException(
            s.key("lr") + ": " + format(v) + " is not a learning rate; accepted: numbers > 0");
      }
      lrs.add(v);
    }
    List<Double> momenta = new ArrayList<>();
    for (double v : axis(s, "momentum", "numbers in [0, 1)")) {
      if (!(v >= 0 && v < 1)) {
        throw new BadInputException(
            s.key("momentum")
                + ": "
                + format(v)
                + " is not a momentum; accepted: numbers in [0, 1)");
      }
      momenta.add(v);
    }
    List<Long> seeds = new ArrayList<>();
    for (double v : axis(s, "seed", "integers")) {
      if (v != Math.rint(v) || Math.abs(v) > 9.007199254740992E15) {
        throw new BadInputException(
            s.key("seed") + ": " + format(v) + " is not a seed; accepted: integers");
      }
      seeds.add((long) v);
    }
    List<Integer> epochs = new ArrayList<>();
    if (s.has("epochs")) {
      for (double v : axis(s, "epochs", "integers from 1 to " + MAX_EPOCHS)) {
        if (!(v >= 1 && v <= MAX_EPOCHS) || (!isGenerated(s, "epochs") && v != Math.rint(v))) {
          throw new BadInputException(
              s.key("epochs")
                  + ": "
                  + format(v)
                  + " is not an epoch count; accepted: integers from 1 to "
                  + MAX_EPOCHS);
        }
        epochs.add((int) v);
      }
    }
    List<Scale> scales =
        AxisValues.items(
            s.key("scale"),
            s.get("scale"),
            item -> {
              if (!item.isTextual() || !Scale.isLabel(item.asText())) {
                throw Section.failure(s.key("scale"), item, Scale.labels());
              }
              return Scale.fromLabel(item.asText());
            });
    return new GridSpec(
        AxisValues.distinct(batchSizes),
        shuffle,
        losses,
        optimizers,
        AxisValues.distinct(lrs),
        AxisValues.distinct(momenta),
        AxisValues.distinct(seeds),
        AxisValues.distinct(epochs),
        OptimSpecReader.read(optim, s, train, optimizers, AxisValues.distinct(momenta)),
        scales);
  }

  private static List<Double> axis(Section s, String name, String accepted) {
    JsonNode node = s.get(name);
    if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
      throw new BadInputException(
          s.key(name) + ": the axis is empty; give at least one value (" + accepted + ")");
    }
    return AxisValues.numbers(s.key(name), node, accepted);
  }

  private static boolean isGenerated(Section s, String name) {
    return s.get(name).isTextual();
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
