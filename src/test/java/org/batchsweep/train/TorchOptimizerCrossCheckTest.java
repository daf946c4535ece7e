package org.batchsweep.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.LrScaling;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.Precision;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.Schedule;
import org.batchsweep.optim.AdagradConfig;
import org.batchsweep.optim.AdamConfig;
import org.batchsweep.optim.AdamWConfig;
import org.batchsweep.optim.RmspropConfig;
import org.batchsweep.optim.SgdConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both trainers against PyTorch on every optimizer × schedule × weight decay × loss × batch size ×
 * epochs × precision of {@code src/test/resources/torch/optim_cases.csv} (see the README there).
 *
 * <p>float64 must match to 1e-9 (relative, floor 1). float32 must match to 1e-5 wherever PyTorch's
 * own float32 and float64 runs agree to 1e-5; where they do not (a run so sensitive that single
 * precision's rounding decides it), the case only checks the step count and that both are finite or
 * both not.
 */
class TorchOptimizerCrossCheckTest {

  static final String FILE = "optim_cases.csv";
  static final double FLOAT64_TOLERANCE = 1e-9;
  static final double FLOAT32_TOLERANCE = 1e-5;

  record Case(
      String id,
      RunConfig config,
      double slope,
      double intercept,
      double lastBatchLoss,
      long steps) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Case> cases() {
    return all().stream();
  }

  static List<Case> all() {
    List<Map<String, String>> rows = rows();
    List<Case> cases = new ArrayList<>();
    for (Map<String, String> r : rows) {
      cases.add(
          new Case(
              r.get("case_id"),
              new RunConfig(
                  r.get("case_id"),
                  optimizer(r),
                  Loss.fromLabel(r.get("loss")),
                  Integer.parseInt(r.get("batch_size")),
                  false,
                  Integer.parseInt(r.get("epochs")),
                  0,
                  Precision.fromLabel(r.get("precision")),
                  new Init(
                      Double.parseDouble(r.get("init_slope")),
                      Double.parseDouble(r.get("init_intercept"))),
                  Schedule.parse(r.get("schedule")),
                  LrScaling.NONE,
                  32),
              TorchCases.number(r.get("slope")),
              TorchCases.number(r.get("intercept")),
              TorchCases.number(r.get("last_batch_loss")),
              Long.parseLong(r.get("steps"))));
    }
    return cases;
  }

  static OptimizerConfig optimizer(Map<String, String> r) {
    double lr = Double.parseDouble(r.get("lr"));
    double decay = Double.parseDouble(r.get("weight_decay"));
    double momentum = Double.parseDouble(r.get("momentum"));
    boolean amsgrad = Boolean.parseBoolean(r.get("amsgrad"));
    return switch (r.get("optimizer")) {
      case "adam" -> new AdamConfig(lr, 0.9, 0.999, 1e-8, decay, amsgrad);
      case "adamw" -> new AdamWConfig(lr, 0.9, 0.999, 1e-8, decay, amsgrad);
      case "sgd" ->
          new SgdConfig(
              lr,
              momentum,
              Double.parseDouble(r.get("dampening")),
              Boolean.parseBoolean(r.get("nesterov")),
              decay);
      case "rmsprop" ->
          new RmspropConfig(
              lr, 0.99, 1e-8, Boolean.parseBoolean(r.get("centered")), momentum, decay);
      case "adagrad" ->
          new AdagradConfig(
              lr,
              Double.parseDouble(r.get("lr_decay")),
              1e-10,
              Double.parseDouble(r.get("initial_accumulator_value")),
              decay);
      default -> throw new IllegalArgumentException(r.get("optimizer"));
    };
  }

  /** PyTorch's float64 result for the float32 case {@code id}. */
  private static final Map<String, Case> FLOAT64 = new HashMap<>();

  static synchronized Case float64Twin(Case c) {
    if (FLOAT64.isEmpty()) {
      for (Case other : all()) {
        FLOAT64.put(other.id(), other);
      }
    }
    return FLOAT64.get(c.id().replaceAll("_f32$", "_f64"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void perSampleTrainerMatchesPyTorch(Case torch) {
    assertMatches(
        PerSampleTrainer.train(TorchCases.trainingSet("line1000"), torch.config(), false), torch);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fastTrainerMatchesPyTorch(Case torch) {
    assertMatches(
        FastTrainer.train(TorchCases.trainingSet("line1000"), List.of(torch.config()), false)
            .get(0),
        torch);
  }

  private static void assertMatches(RunOutcome run, Case torch) {
    assertThat(run.steps()).as("steps").isEqualTo(torch.steps());
    if (!Double.isFinite(torch.slope()) || !Double.isFinite(torch.intercept())) {
      assertThat(run.isFinite()).as("a run PyTorch saw blow up").isFalse();
      return;
    }
    assertThat(run.isFinite()).as("finite like PyTorch's").isTrue();
    double tolerance = FLOAT64_TOLERANCE;
    if (torch.config().precision() == Precision.FLOAT32) {
      Case twin = float64Twin(torch);
      assumeThat(
              difference(torch.slope(), twin.slope()) <= FLOAT32_TOLERANCE
                  && difference(torch.intercept(), twin.intercept()) <= FLOAT32_TOLERANCE)
          .as("PyTorch's float32 and float64 runs agree to 1e-5")
          .isTrue();
      tolerance = FLOAT32_TOLERANCE;
    }
    assertThat(difference(run.slope(), torch.slope()))
        .as("slope %s vs torch %s", run.slope(), torch.slope())
        .isLessThanOrEqualTo(tolerance);
    assertThat(difference(run.intercept(), torch.intercept()))
        .as("intercept %s vs torch %s", run.intercept(), torch.intercept())
        .isLessThanOrEqualTo(tolerance);
    if (Double.isFinite(torch.lastBatchLoss())) {
      assertThat(difference(run.lastBatchLoss(), torch.lastBatchLoss()))
          .as("last batch loss %s vs torch %s", run.lastBatchLoss(), torch.lastBatchLoss())
          .isLessThanOrEqualTo(tolerance);
    }
  }

  /** |a − b| relative to max(1, |b|). */
  static double difference(double a, double b) {
    return Math.abs(a - b) / Math.max(1, Math.abs(b));
  }

  /** The CSV's rows by column name; fields with commas are double-quoted. */
  static List<Map<String, String>> rows() {
    // -Dbatchsweep.torchOptimCases=FILE checks another set of vectors (e.g. while regenerating).
    String other = System.getProperty("batchsweep.torchOptimCases");
    try (InputStream in =
        other != null
            ? java.nio.file.Files.newInputStream(java.nio.file.Path.of(other))
            : TorchOptimizerCrossCheckTest.class.getResourceAsStream("/torch/" + FILE)) {
      return rows(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The rows of {@code file} under {@code src/test/resources/torch/}, by column name. */
  static List<Map<String, String>> rows(String file) {
    try (InputStream in =
        TorchOptimizerCrossCheckTest.class.getResourceAsStream("/torch/" + file)) {
      return rows(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Map<String, String>> rows(InputStream in) throws IOException {
    String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
    List<String> header = split(lines[0]);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      List<String> cells = split(lines[i]);
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), cells.get(c));
      }
      rows.add(row);
    }
    return rows;
  }

  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (char ch : line.trim().toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
