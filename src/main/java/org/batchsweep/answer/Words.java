package org.batchsweep.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.batchsweep.diagnose.Diagnosis;

/**
 * The sentences of the answer, with their numbers; optimizer-specific words come from {@link
 * OptimizerWording}.
 */
final class Words {

  /** At most this many batch-size ranges are listed before "…". */
  static final int MAX_RANGES = 4;

  private Words() {}

  /** One setting's paragraph. */
  static String setting(
      Setting setting,
      long runs,
      long converged,
      List<Integer> convergedSizes,
      Map<Integer, long[]> byBatch,
      List<SettingAnswer.Failure> failures,
      SettingAnswer.Context ctx) {
    StringBuilder text = new StringBuilder(setting.label()).append(": ");
    if (converged == runs) {
      text.append(f("every run converges (%d of %d)", converged, runs));
    } else if (convergedSizes.isEmpty()) {
      text.append(f("converges at no batch size (%d of %d runs converged)", converged, runs));
    } else {
      long there = 0;
      long total = 0;
      for (int size : convergedSizes) {
        total += byBatch.get(size)[0];
        there += byBatch.get(size)[1];
      }
      text.append(
          f(
              "converges at %s (%d of %d runs there)",
              ranges(convergedSizes, ctx.sweepBatchSizes()), there, total));
    }
    for (SettingAnswer.Failure failure : failures) {
      text.append("; ").append(failure(failure, ctx));
    }
    return text.append('.').toString();
  }

  /** One failure kind of a setting: where, how many, why, and its fix. */
  static String failure(SettingAnswer.Failure failure, SettingAnswer.Context ctx) {
    String text =
        f(
            "%s at %s (%d runs): %s",
            failure.diagnosis(),
            ranges(failure.batchSizes(), ctx.sweepBatchSizes()),
            failure.runs(),
            failure.why());
    return text + fix(failure);
  }

  static String fix(SettingAnswer.Failure failure) {
    FixResult fix = failure.fix();
    if (fix != null) {
      return f(
          " - fix: %s%s, %s",
          fix.changeText(),
          fix.uniform() ? "" : " (the most any fixed run needed)",
          fix.verified());
    }
    Diagnosis d = parse(failure.diagnosis());
    return d != null && FixRule.fixable(d)
        ? " - fix not verified (fixes.enabled is false, or not run for this sweep)"
        : "";
  }

  /** Why the runs of one setting × diagnosis failed, from their cells. */
  static String why(String label, List<Cell> cells, SettingAnswer.Context ctx) {
    Diagnosis diagnosis = parse(label);
    Cell smallest = cells.stream().min(Comparator.comparingInt(Cell::batchSize)).orElseThrow();
    Cell largest = cells.stream().max(Comparator.comparingInt(Cell::batchSize)).orElseThrow();
    OptimizerWording optimizer = OptimizerWording.of(largest.optimizer());
    if (diagnosis == null) {
      return "a diagnosis this build does not know";
    }
    return switch (diagnosis) {
      case CONVERGED -> "converged";
      case WRONG_OBJECTIVE -> wrongObjective(smallest, largest, ctx);
      case STEP_BUDGET ->
          f(
              "%.0f steps at B %d against at least %s needed; %s",
              largest.steps(),
              largest.batchSize(),
              steps(largest.stepsNeeded()),
              optimizer.pace(
                      largest.lr(),
                      largest.momentum(),
                      largest.steps(),
                      ctx.curvature(largest.setting()))
                  + ctx.conditioning(largest.setting(), largest.optimizer()));
      case DIVERGED ->
          optimizer.tooLarge(largest.lr(), largest.momentum(), ctx.curvature(largest.setting()))
              + ctx.conditioning(largest.setting(), largest.optimizer());
      case OSCILLATION ->
          optimizer.oscillates(largest.lr(), largest.momentum(), ctx.curvature(largest.setting()));
      case NOISE_FLOOR ->
          f(
              "mini-batch noise at lr %s keeps them wandering around the minimiser by more than the"
                  + " tolerance; a smaller lr or a larger batch settles them",
              Setting.readable(largest.lr()));
      case NOT_CONVERGED ->
          "neither settled nor still approaching when training stopped; each run's detail"
              + " column says what was seen";
    };
  }

  /** Why the objective's own minimiser is not the least-squares fit, over the setting's cells. */
  private static String wrongObjective(Cell smallest, Cell largest, SettingAnswer.Context ctx) {
    boolean broadcast = largest.loss().equals("mse-broadcast");
    if (ctx.features() > 1) {
      return broadcast
          ? "mse-broadcast compares every prediction with every target of its batch, so it fits"
              + " the batch's mean target, not the least-squares fit; no lr or step count fixes that"
          : "the objective's minimiser is not the least-squares fit (weight decay, or fixed batches"
              + " whose remainder batch weighs its points more); the runs table's objective_weights"
              + " hold it";
    }
    if (broadcast) {
      return f(
          "mse-broadcast compares every prediction with every target of its batch, so it fits the batch's"
              + " mean target: its minimiser is slope %s at B %d%s, not the line's %.2f; no lr or step count"
              + " fixes that",
          slope(smallest.objectiveSlope()),
          smallest.batchSize(),
          smallest == largest
              ? ""
              : f(" to %s at B %d", slope(largest.objectiveSlope()), largest.batchSize()),
          ctx.referenceSlope());
    }
    return f(
        "the objective's minimiser (slope %s at B %d) is not the line's %.2f: with fixed batches the"
            + " remainder batch weighs its points more",
        slope(largest.objectiveSlope()), largest.batchSize(), ctx.referenceSlope());
  }

  /**
   * Batch sizes as ranges of consecutive grid values: {@code B 10-30, 50}; at most {@link
   * #MAX_RANGES}.
   */
  static String ranges(List<Integer> sizes, List<Integer> grid) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < sizes.size()) {
      int start = sizes.get(i);
      int end = start;
      int at = grid.indexOf(start);
      int j = i + 1;
      while (j < sizes.size()
          && at >= 0
          && at + (j - i) < grid.size()
          && grid.get(at + (j - i)).equals(sizes.get(j))) {
        end = sizes.get(j);
        j++;
      }
      parts.add(start == end ? Integer.toString(start) : start + "-" + end);
      i = j;
    }
    if (parts.size() > MAX_RANGES) {
      int more = parts.size() - MAX_RANGES;
      parts = new ArrayList<>(parts.subList(0, MAX_RANGES));
      parts.add("and " + more + " more ranges");
    }
    return "B " + String.join(", ", parts);
  }

  static Diagnosis parse(String label) {
    for (Diagnosis d : Diagnosis.values()) {
      if (d.label().equals(label)) {
        return d;
      }
    }
    return null;
  }

  private static String slope(double value) {
    return Double.isFinite(value) ? f("%.2f", value) : "unknown";
  }

  private static String steps(double value) {
    return Double.isFinite(value) ? f("≈ %.0f", value) : "an unknown number";
  }

  static String f(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
