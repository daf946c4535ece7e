package org.batchsweep.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.batchsweep.core.Scale;
import org.batchsweep.diagnose.Curvature;
import org.batchsweep.diagnose.Diagnosis;
import org.batchsweep.optim.SgdConfig;
import org.batchsweep.store.RunRow;

/**
 * The answer for one setting: how many runs converged, at which batch sizes at least half of them
 * did, the count of each diagnosis, the most common failure, the plain-words text and the verified
 * fix of that failure.
 */
public record SettingAnswer(
    Setting setting,
    long runs,
    long converged,
    List<Integer> convergedBatchSizes,
    LinkedHashMap<String, Long> diagnoses,
    String mainFailure,
    String text,
    FixResult fix,
    List<Failure> failures) {

  /** One failure kind of the setting: its runs, batch sizes and the sentence that explains it. */
  public record Failure(
      String diagnosis, long runs, List<Integer> batchSizes, String why, FixResult fix) {}

  /** What every setting's words need besides its own cells. */
  record Context(
      double referenceSlope,
      Curvature curvature,
      Curvature standardizedCurvature,
      int features,
      List<Integer> sweepBatchSizes) {

    Context(double referenceSlope, Curvature curvature, List<Integer> sweepBatchSizes) {
      this(referenceSlope, curvature, null, 1, sweepBatchSizes);
    }

    /**
     * The curvature the runs of {@code setting} see: the standardized one under scale: standardize.
     */
    Curvature curvature(Setting setting) {
      Object scale = setting.values().get(RunRow.SCALE);
      return Scale.STANDARDIZE.label().equals(scale) && standardizedCurvature != null
          ? standardizedCurvature
          : curvature;
    }

    /**
     * For SGD on raw features whose curvature is ill-conditioned: that, and the fix; "" otherwise.
     */
    String conditioning(Setting setting, String optimizer) {
      Object scale = setting.values().get(RunRow.SCALE);
      if (features == 1
          || Scale.STANDARDIZE.label().equals(scale)
          || !SgdConfig.NAME.equals(optimizer)
          || !(curvature.conditionNumber() >= Curvature.ILL_CONDITIONED)) {
        return "";
      }
      return String.format(
          Locale.ROOT,
          "; the features are ill-conditioned (the loss's curvature has condition number %.3g%s),"
              + " so an lr stable along the steepest direction crawls along the flattest: scale:"
              + " standardize fixes it",
          curvature.conditionNumber(),
          standardizedCurvature == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; %.3g with standardized features",
                  standardizedCurvature.conditionNumber()));
    }
  }

  static SettingAnswer of(
      Setting setting, List<Cell> cells, Map<String, FixResult> fixes, Context ctx) {
    long runs = 0;
    long converged = 0;
    Map<Integer, long[]> byBatch = new TreeMap<>();
    Map<String, Long> counts =
        new TreeMap<>(Comparator.comparingInt(SettingAnswer::order).thenComparing(s -> s));
    Map<String, List<Cell>> byDiagnosis = new LinkedHashMap<>();
    for (Cell c : cells) {
      runs += c.runs();
      converged += c.converged();
      long[] b = byBatch.computeIfAbsent(c.batchSize(), k -> new long[2]);
      b[0] += c.runs();
      b[1] += c.converged();
      counts.merge(c.diagnosis(), c.runs(), Long::sum);
      byDiagnosis.computeIfAbsent(c.diagnosis(), k -> new ArrayList<>()).add(c);
    }
    List<Integer> convergedSizes = new ArrayList<>();
    byBatch.forEach(
        (size, b) -> {
          if (2 * b[1] >= b[0]) {
            convergedSizes.add(size);
          }
        });
    String main = null;
    long mainCount = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (!e.getKey().equals(Diagnosis.CONVERGED.label()) && e.getValue() > mainCount) {
        main = e.getKey();
        mainCount = e.getValue();
      }
    }
    List<Failure> failures = new ArrayList<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (e.getKey().equals(Diagnosis.CONVERGED.label())) {
        continue;
      }
      List<Cell> kind = byDiagnosis.get(e.getKey());
      List<Integer> sizes =
          new ArrayList<>(new TreeSet<>(kind.stream().map(Cell::batchSize).toList()));
      failures.add(
          new Failure(
              e.getKey(),
              e.getValue(),
              sizes,
              Words.why(e.getKey(), kind, ctx),
              fixes.get(e.getKey())));
    }
    failures.sort(Comparator.comparingLong(Failure::runs).reversed());
    LinkedHashMap<String, Long> diagnoses = new LinkedHashMap<>(counts);
    String text = Words.setting(setting, runs, converged, convergedSizes, byBatch, failures, ctx);
    return new SettingAnswer(
        setting,
        runs,
        converged,
        List.copyOf(convergedSizes),
        diagnoses,
        main,
        text,
        main == null ? null : fixes.get(main),
        List.copyOf(failures));
  }

  double convergedShare() {
    return runs == 0 ? 0 : (double) converged / runs;
  }

  // Diagnoses in the enum's order (converged first); labels this build does not know go last.
  static int order(String label) {
    for (Diagnosis d : Diagnosis.values()) {
      if (d.label().equals(label)) {
        return d.ordinal();
      }
    }
    return Diagnosis.values().length;
  }
}
