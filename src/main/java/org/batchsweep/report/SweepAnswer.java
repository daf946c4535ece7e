package org.batchsweep.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.batchsweep.diagnose.BatchBands;
import org.batchsweep.diagnose.BatchBands.Band;
import org.batchsweep.diagnose.Diagnosis;
import org.batchsweep.job.Table;
import org.batchsweep.job.TableStore;
import org.batchsweep.train.Loss;

/**
 * The sweep's answer in plain words: per loss × shuffle, which diagnoses dominate which batch-size
 * bands, with the numbers; then the causes behind them and what fixes each. Built from aggregates
 * of the runs table only.
 */
public final class SweepAnswer {

  private SweepAnswer() {}

  /** The answer for a stored sweep, from its runs and reference tables. */
  public static List<String> forSweep(TableStore store, String sweepId) {
    double referenceSlope = store.read(Table.REFERENCE, sweepId).first().getDouble(2);
    return paragraphs(cells(store, sweepId), referenceSlope);
  }

  /** The aggregates the answer is written from, one per loss × shuffle × batch size × diagnosis. */
  public static List<BandCell> cells(TableStore store, String sweepId) {
    List<BandCell> cells = new ArrayList<>();
    for (Row r :
        store.read(Table.RUNS, sweepId)
            .groupBy("loss", "shuffle", "batch_size", "diagnosis")
            .agg(count(lit(1)), avg(col("objective_slope")), avg(col("steps")), avg(col("steps_needed")))
            .collectAsList()) {
      cells.add(
          new BandCell(r.getString(0), r.getBoolean(1), r.getInt(2), r.getString(3), r.getLong(4),
              r.isNullAt(5) ? Double.NaN : r.getDouble(5), r.getDouble(6),
              r.isNullAt(7) ? Double.NaN : r.getDouble(7)));
    }
    return cells;
  }

  /** Paragraphs: one per loss × shuffle, then one per cause found. */
  public static List<String> paragraphs(List<BandCell> cells, double referenceSlope) {
    List<Band> bands = BatchBands.of(cells.stream().map(BandCell::batchSize).toList());
    Map<String, List<BandCell>> groups = new TreeMap<>();
    for (BandCell cell : cells) {
      groups.computeIfAbsent(cell.loss() + (cell.shuffle() ? ", shuffled" : ", fixed order"), k -> new ArrayList<>())
          .add(cell);
    }
    List<String> paragraphs = new ArrayList<>();
    for (Map.Entry<String, List<BandCell>> group : groups.entrySet()) {
      paragraphs.add(group.getKey() + ": " + describeGroup(group.getValue(), bands));
    }
    paragraphs.addAll(causes(cells, referenceSlope));
    return paragraphs;
  }

  /** For one loss × shuffle: consecutive bands with the same dominant diagnosis, merged. */
  private static String describeGroup(List<BandCell> cells, List<Band> bands) {
    List<String> parts = new ArrayList<>();
    String current = null;
    int first = -1;
    int last = -1;
    List<BandCell> stretch = new ArrayList<>();
    for (Band band : bands) {
      List<BandCell> inBand = cells.stream().filter(c -> band.contains(c.batchSize())).toList();
      if (inBand.isEmpty()) {
        continue;
      }
      String dominant = dominant(inBand);
      if (!dominant.equals(current) && current != null) {
        parts.add(stretchText(current, first, last, stretch));
        stretch = new ArrayList<>();
      }
      if (!dominant.equals(current)) {
        first = inBand.stream().mapToInt(BandCell::batchSize).min().orElseThrow();
        current = dominant;
      }
      last = inBand.stream().mapToInt(BandCell::batchSize).max().orElseThrow();
      stretch.addAll(inBand);
    }
    if (current != null) {
      parts.add(stretchText(current, first, last, stretch));
    }
    return String.join("; ", parts) + ".";
  }

  private static String dominant(List<BandCell> cells) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (BandCell c : cells) {
      counts.merge(c.diagnosis(), c.runs(), Long::sum);
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  private static String stretchText(String diagnosis, int first, int last, List<BandCell> cells) {
    long total = cells.stream().mapToLong(BandCell::runs).sum();
    List<BandCell> matching = cells.stream().filter(c -> c.diagnosis().equals(diagnosis)).toList();
    long count = matching.stream().mapToLong(BandCell::runs).sum();
    String range = first == last ? "B " + first : "B " + first + "-" + last;
    String text = String.format(Locale.ROOT, "%s %s (%d of %d runs)", range, diagnosis, count, total);
    BandCell smallest = matching.stream().min(Comparator.comparingInt(BandCell::batchSize)).orElseThrow();
    BandCell largest = matching.stream().max(Comparator.comparingInt(BandCell::batchSize)).orElseThrow();
    if (diagnosis.equals(Diagnosis.WRONG_OBJECTIVE.label())) {
      text += String.format(Locale.ROOT, ", heading for its own minimiser, slope %.2f at B %d to %.2f at B %d",
          smallest.objectiveSlope(), smallest.batchSize(), largest.objectiveSlope(), largest.batchSize());
    } else if (diagnosis.equals(Diagnosis.STEP_BUDGET.label())) {
      text += String.format(Locale.ROOT, ", %.0f steps at B %d and %.0f at B %d against at least %.0f and %.0f needed",
          smallest.steps(), smallest.batchSize(), largest.steps(), largest.batchSize(),
          smallest.stepsNeeded(), largest.stepsNeeded());
    }
    return text;
  }

  private static List<String> causes(List<BandCell> cells, double referenceSlope) {
    List<String> causes = new ArrayList<>();
    Map<String, Long> byDiagnosis =
        cells.stream().collect(Collectors.groupingBy(BandCell::diagnosis, TreeMap::new, Collectors.summingLong(BandCell::runs)));
    long total = cells.stream().mapToLong(BandCell::runs).sum();
    long broadcastWrong =
        cells.stream()
            .filter(c -> c.loss().equals(Loss.MSE_BROADCAST.label()) && c.diagnosis().equals(Diagnosis.WRONG_OBJECTIVE.label()))
            .mapToLong(BandCell::runs)
            .sum();
    if (broadcastWrong > 0) {
      causes.add(String.format(Locale.ROOT,
          "The loss compares the wrong things (%d runs): mse-broadcast compares every prediction with every"
              + " target of its batch, which pulls each prediction toward the batch's mean target. A batch"
              + " that spans the whole x range (shuffled data, or one big batch) then has a nearly flat"
              + " minimiser instead of the line's slope %.2f, so those runs converge - to the wrong answer."
              + " Small unshuffled batches cover a narrow x window, which is why they still land near the"
              + " line. No learning rate, step count or optimizer fixes this; the loss mse (targets of the"
              + " same shape as the predictions) does.",
          broadcastWrong, referenceSlope));
    }
    long budget = byDiagnosis.getOrDefault(Diagnosis.STEP_BUDGET.label(), 0L);
    if (budget > 0) {
      BandCell largest =
          cells.stream()
              .filter(c -> c.diagnosis().equals(Diagnosis.STEP_BUDGET.label()))
              .max(Comparator.comparingInt(BandCell::batchSize))
              .orElseThrow();
      causes.add(String.format(Locale.ROOT,
          "Too few steps (%d runs): an epoch takes ceil(n/B) steps, so large batches take few steps in"
              + " the same epochs - %.0f at B %d, against at least %.0f needed to reach the minimiser."
              + " Adam moves each parameter by about lr per step whatever the gradient, so the step"
              + " count, not the data seen, limits how far it gets. More epochs, smaller batches or a"
              + " larger learning rate fix this; the detail column of each run says by how much.",
          budget, largest.steps(), largest.batchSize(), largest.stepsNeeded()));
    }
    long noise = byDiagnosis.getOrDefault(Diagnosis.NOISE_FLOOR.label(), 0L);
    if (noise > 0) {
      causes.add(String.format(Locale.ROOT,
          "Noise floor (%d runs): small batches with a large learning rate keep wandering around the"
              + " minimiser by more than the tolerance; a smaller lr or a larger batch settles them.", noise));
    }
    long diverged = byDiagnosis.getOrDefault(Diagnosis.DIVERGED.label(), 0L);
    if (diverged > 0) {
      causes.add(String.format(Locale.ROOT,
          "Divergence (%d runs): the learning rate is too large for the data's curvature (for SGD, above"
              + " 2(1+momentum)/λ_max); see each run's detail for the limit.", diverged));
    }
    long converged = byDiagnosis.getOrDefault(Diagnosis.CONVERGED.label(), 0L);
    causes.add(String.format(Locale.ROOT, "%d of %d runs converged to the reference line.", converged, total));
    return causes;
  }
}
