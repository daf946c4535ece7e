package org.batchsweep.answer;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.var_pop;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.batchsweep.diagnose.BatchBands;
import org.batchsweep.diagnose.BatchBands.Band;
import org.batchsweep.diagnose.Curvature;
import org.batchsweep.diagnose.Diagnosis;
import org.batchsweep.store.FixRow;
import org.batchsweep.store.PointRow;
import org.batchsweep.store.ReferenceRow;
import org.batchsweep.store.RunRow;
import org.batchsweep.store.SettingAxes;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;

/**
 * A sweep's answer by setting, loaded once per command from aggregates Spark computes (per setting
 * × batch size × diagnosis, plus the fixes table); the driver never holds the runs. The summary
 * after {@code run}, {@code explain} in text and JSON, and the report's text are all written from
 * it.
 */
public final class SweepAnswers {

  /** Up to this many settings get a paragraph each; more are condensed. */
  static final int MAX_DETAILED = 8;

  /** Rows of a condensed list (best settings, worst failures, lr ranges). */
  static final int MAX_LISTED = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The setting columns a {@link Cell} carries whether or not the sweep varies them. */
  private static final List<String> CELL_COLUMNS =
      List.of(RunRow.OPTIMIZER, RunRow.LR, RunRow.MOMENTUM, RunRow.LOSS, RunRow.SHUFFLE);

  private final String sweepId;
  private final SettingAxes axes;
  private final List<SettingAnswer> settings;
  private final List<Cell> cells;
  private final List<Integer> batchSizes;
  private final SettingAnswer.Context context;
  private final boolean fixesComputed;

  /** Measured against predicted critical batch size, per setting; empty without those tables. */
  private final List<String> criticalBatch;

  SweepAnswers(
      String sweepId,
      SettingAxes axes,
      List<SettingAnswer> settings,
      List<Cell> cells,
      SettingAnswer.Context context,
      boolean fixesComputed,
      List<String> criticalBatch) {
    this.sweepId = sweepId;
    this.axes = axes;
    this.settings = settings;
    this.cells = cells;
    this.batchSizes = context.sweepBatchSizes();
    this.context = context;
    this.fixesComputed = fixesComputed;
    this.criticalBatch = criticalBatch;
  }

  /** Loads the answer of a stored sweep whose runs, reference and points tables are written. */
  public static SweepAnswers load(TableStore store, String sweepId) {
    return load(store, sweepId, SettingAxes.of(store.read(Table.RUNS, sweepId)));
  }

  /** As above, with the sweep's setting axes already known (one scan of the runs fewer). */
  public static SweepAnswers load(TableStore store, String sweepId, SettingAxes axes) {
    return load(store, sweepId, axes, BatchScaling.load(store, sweepId));
  }

  /**
   * As above, with the sweep's batch-size science known too.
   *
   * @param scaling the sweep's batch-size science, or null when it has none
   */
  public static SweepAnswers load(
      TableStore store, String sweepId, SettingAxes axes, BatchScaling scaling) {
    ReferenceRow reference =
        store.read(Table.REFERENCE, sweepId).collectAsList().stream()
            .findFirst()
            .map(ReferenceRow::from)
            .orElse(null);
    int d = reference == null || reference.weights() == null ? 1 : reference.weights().size();
    // One feature: the slope the answer names; with several there is no one slope to name.
    double referenceSlope =
        reference == null || reference.slope() == null ? Double.NaN : reference.slope();
    Dataset<Row> trainPoints =
        store.read(Table.POINTS, sweepId).where(col(PointRow.SPLIT).equalTo(PointRow.TRAIN));
    Curvature curvature;
    Curvature standardized = null;
    if (d == 1) {
      Row x = trainPoints.agg(avg(col(PointRow.X)), var_pop(col(PointRow.X))).first();
      curvature = Curvature.of(x.getDouble(0), x.getDouble(1));
    } else {
      PointMoments.Curvatures both = PointMoments.of(trainPoints, d);
      curvature = both.raw();
      standardized = both.standardized();
    }
    List<Cell> cells = cells(store.read(Table.RUNS, sweepId), axes);
    Map<Setting, Map<String, FixResult>> fixes =
        store.exists(Table.FIXES) ? fixes(store, sweepId) : Map.of();
    return build(
        sweepId,
        axes,
        cells,
        fixes,
        new SettingAnswer.Context(referenceSlope, curvature, standardized, d, List.of()),
        !fixes.isEmpty(),
        scaling == null ? List.of() : CriticalBatchAnswer.paragraphs(scaling));
  }

  static SweepAnswers build(
      String sweepId,
      SettingAxes axes,
      List<Cell> cells,
      Map<Setting, Map<String, FixResult>> fixes,
      double referenceSlope,
      Curvature curvature,
      boolean fixesComputed,
      List<String> criticalBatch) {
    return build(
        sweepId,
        axes,
        cells,
        fixes,
        new SettingAnswer.Context(referenceSlope, curvature, null, 1, List.of()),
        fixesComputed,
        criticalBatch);
  }

  /** As above, with the data's facts in {@code data} (its batch sizes are taken from the cells). */
  static SweepAnswers build(
      String sweepId,
      SettingAxes axes,
      List<Cell> cells,
      Map<Setting, Map<String, FixResult>> fixes,
      SettingAnswer.Context data,
      boolean fixesComputed,
      List<String> criticalBatch) {
    List<Integer> sizes =
        new ArrayList<>(new TreeSet<>(cells.stream().map(Cell::batchSize).toList()));
    SettingAnswer.Context ctx =
        new SettingAnswer.Context(
            data.referenceSlope(),
            data.curvature(),
            data.standardizedCurvature(),
            data.features(),
            List.copyOf(sizes));
    Map<Setting, List<Cell>> bySetting = new TreeMap<>(Setting.ORDER);
    for (Cell c : cells) {
      bySetting.computeIfAbsent(c.setting(), k -> new ArrayList<>()).add(c);
    }
    List<SettingAnswer> settings = new ArrayList<>();
    bySetting.forEach(
        (s, cs) -> settings.add(SettingAnswer.of(s, cs, fixes.getOrDefault(s, Map.of()), ctx)));
    return new SweepAnswers(
        sweepId,
        axes,
        List.copyOf(settings),
        cells,
        ctx,
        fixesComputed,
        List.copyOf(criticalBatch));
  }

  /**
   * One aggregate row per setting × batch size × diagnosis, with the constants the words need.
   * Grouped by the varying axes and the columns a {@link Cell} names, not by every setting column:
   * the others hold one value in the sweep, and each grouping column costs ({@code explain} of
   * {@code large}'s 10^6 runs took 12.0-13.6 s this way, 13.9-15.7 s by all 12; README, Interactive
   * speed).
   */
  private static List<Cell> cells(Dataset<Row> runs, SettingAxes axes) {
    List<String> keys =
        axes.columns().stream()
            .filter(c -> axes.varies(c) || CELL_COLUMNS.contains(c))
            .collect(Collectors.toCollection(ArrayList::new));
    int k = keys.size();
    keys.add(RunRow.BATCH_SIZE);
    keys.add(RunRow.DIAGNOSIS);
    List<Cell> cells = new ArrayList<>();
    List<Row> rows =
        runs.groupBy(keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
            .agg(
                count(lit(1)),
                sum(when(col(RunRow.CONVERGED), 1).otherwise(0)),
                avg(col(RunRow.OBJECTIVE_SLOPE)))
            .collectAsList();
    for (Row r : rows) {
      cells.add(
          new Cell(
              Setting.of(axes.varying(), r),
              r.getAs(RunRow.OPTIMIZER),
              r.<Double>getAs(RunRow.LR),
              r.<Double>getAs(RunRow.MOMENTUM),
              r.getAs(RunRow.LOSS),
              r.<Boolean>getAs(RunRow.SHUFFLE),
              r.getInt(k),
              r.isNullAt(k + 1) ? "unknown" : r.getString(k + 1),
              r.getLong(k + 2),
              r.getLong(k + 3),
              doubleOrNaN(r, k + 4),
              Double.NaN,
              Double.NaN));
    }
    return StepBudgetMedians.fill(runs, axes, cells);
  }

  /** The fixes of a sweep by setting and failure kind (a handful of rows per setting). */
  private static Map<Setting, Map<String, FixResult>> fixes(TableStore store, String sweepId) {
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (Row r :
        store
            .read(Table.FIXES, sweepId)
            .select(FixRow.SETTING, FixRow.DIAGNOSIS, FixRow.CHANGE, FixRow.CONVERGED)
            .collectAsList()) {
      groups.computeIfAbsent(r.getString(0) + "\n" + r.getString(1), k -> new ArrayList<>()).add(r);
    }
    Map<Setting, Map<String, FixResult>> fixes = new TreeMap<>(Setting.ORDER);
    for (List<Row> rows : groups.values()) {
      String text = rows.get(0).getString(0);
      Setting setting = new Setting(Change.parse(text));
      long converged = rows.stream().filter(r -> r.getBoolean(3)).count();
      // The change to name: the most demanding one that worked (most epochs, smallest lr), else the
      // first.
      String change =
          rows.stream()
              .filter(r -> r.getBoolean(3))
              .map(r -> r.getString(2))
              .max(Comparator.comparingDouble(SweepAnswers::demand))
              .orElse(rows.get(0).getString(2));
      fixes
          .computeIfAbsent(setting, k -> new LinkedHashMap<>())
          .put(
              rows.get(0).getString(1),
              new FixResult(
                  rows.get(0).getString(1),
                  Change.parse(change),
                  change,
                  rows.size(),
                  converged,
                  rows.stream().map(r -> r.getString(2)).distinct().count() == 1));
    }
    return fixes;
  }

  private static double demand(String change) {
    Map<String, Object> values = Change.parse(change);
    double epochs = values.get("epochs") instanceof Number e ? e.doubleValue() : 0;
    double lr = values.get("lr") instanceof Number l ? l.doubleValue() : 0;
    return epochs - lr;
  }

  static double doubleOrNaN(Row r, int i) {
    return r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue();
  }

  public String sweepId() {
    return sweepId;
  }

  public List<SettingAnswer> settings() {
    return settings;
  }

  public SettingAxes axes() {
    return axes;
  }

  /** {@code explain --format json}: one object per setting, in the settings' stable order. */
  public List<String> jsonLines() {
    List<String> lines = new ArrayList<>();
    for (SettingAnswer s : settings) {
      ObjectNode o = JSON.createObjectNode();
      o.put("sweep_id", sweepId);
      o.set("setting", JSON.valueToTree(s.setting().values()));
      o.put("runs", s.runs());
      o.put("converged", s.converged());
      o.set("converged_batch_sizes", JSON.valueToTree(s.convergedBatchSizes()));
      o.set("diagnoses", JSON.valueToTree(s.diagnoses()));
      if (s.mainFailure() == null) {
        o.putNull("main_failure");
      } else {
        o.put("main_failure", s.mainFailure());
      }
      o.put("text", s.text());
      if (s.fix() == null) {
        o.putNull("fix");
      } else {
        ObjectNode fix = o.putObject("fix");
        fix.set("change", JSON.valueToTree(s.fix().change()));
        fix.put("tried", s.fix().tried());
        fix.put("converged", s.fix().converged());
      }
      try {
        lines.add(JSON.writeValueAsString(o));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lines;
  }

  /**
   * The answer in paragraphs: one per setting when there are few; else the best settings, the
   * learning rates that converge at each batch size, the worst failures, and how many settings are
   * left out. Runs that are not-converged are always counted.
   */
  public List<String> paragraphs() {
    List<String> paragraphs = new ArrayList<>();
    long runs = settings.stream().mapToLong(SettingAnswer::runs).sum();
    long converged = settings.stream().mapToLong(SettingAnswer::converged).sum();
    if (settings.size() <= MAX_DETAILED) {
      settings.forEach(s -> paragraphs.add(s.text()));
    } else {
      long some = settings.stream().filter(s -> !s.convergedBatchSizes().isEmpty()).count();
      paragraphs.add(
          Words.f(
              "%d settings (%s vary, besides batch size and seed); %d of them converge at some"
                  + " batch size.",
              settings.size(), String.join(" × ", axes.varying()), some));
      paragraphs.add(best());
      if (axes.varies("lr")) {
        paragraphs.add(lrRanges());
      }
      paragraphs.add(worst());
      paragraphs.add(
          Words.f(
              "%d more settings are not described here: ./submit explain --sweep-id %s --format json"
                  + " prints one line for each.",
              settings.size() - MAX_LISTED, sweepId));
    }
    paragraphs.add(causes());
    long notConverged = countOf(Diagnosis.NOT_CONVERGED.label());
    if (notConverged > 0 && settings.size() > MAX_DETAILED) {
      paragraphs.add(
          Words.f(
              "%d runs are not-converged (in %d settings): neither settled nor still approaching"
                  + " their minimiser when training stopped; each run's detail says what was seen.",
              notConverged,
              settings.stream()
                  .filter(s -> s.diagnoses().containsKey(Diagnosis.NOT_CONVERGED.label()))
                  .count()));
    }
    paragraphs.add(
        Words.f(
            "%d of %d runs converged to the reference %s.",
            converged, runs, context.features() == 1 ? "line" : "fit"));
    paragraphs.addAll(criticalBatch);
    return paragraphs;
  }

  /** Per failure kind over the whole sweep: runs, and the fixes verified. */
  private String causes() {
    List<String> parts = new ArrayList<>();
    for (Diagnosis d : Diagnosis.values()) {
      if (d == Diagnosis.CONVERGED) {
        continue;
      }
      long n = countOf(d.label());
      if (n == 0) {
        continue;
      }
      long tried = 0;
      long ok = 0;
      for (SettingAnswer s : settings) {
        for (SettingAnswer.Failure f : s.failures()) {
          if (f.diagnosis().equals(d.label()) && f.fix() != null) {
            tried += f.fix().tried();
            ok += f.fix().converged();
          }
        }
      }
      String fix =
          tried > 0
              ? Words.f(", fix %s verified on %d of %d fixed runs", fixName(d), ok, tried)
              : FixRule.fixable(d) && !fixesComputed ? ", fix " + fixName(d) + " not verified" : "";
      parts.add(Words.f("%s %d runs%s", d.label(), n, fix));
    }
    return parts.isEmpty()
        ? "No run failed."
        : "Failures by kind: " + String.join("; ", parts) + ".";
  }

  private static String fixName(Diagnosis d) {
    return switch (d) {
      case WRONG_OBJECTIVE -> "(loss mse)";
      case STEP_BUDGET -> "(the epochs needed, found by training)";
      case DIVERGED -> "(an lr under the stability limit)";
      case OSCILLATION, NOISE_FLOOR -> "(a smaller lr)";
      case CONVERGED, NOT_CONVERGED -> "";
    };
  }

  private long countOf(String diagnosis) {
    return settings.stream().mapToLong(s -> s.diagnoses().getOrDefault(diagnosis, 0L)).sum();
  }

  private String best() {
    List<SettingAnswer> ranked = new ArrayList<>(settings);
    ranked.sort(
        Comparator.comparingDouble(SettingAnswer::convergedShare)
            .reversed()
            .thenComparing(
                Comparator.comparingInt((SettingAnswer s) -> s.convergedBatchSizes().size())
                    .reversed()));
    List<String> parts = new ArrayList<>();
    for (SettingAnswer s : ranked.subList(0, Math.min(MAX_LISTED, ranked.size()))) {
      parts.add(
          Words.f(
              "%s: %s (%d of %d runs converged)",
              s.setting().label(),
              s.convergedBatchSizes().isEmpty()
                  ? "no batch size"
                  : Words.ranges(s.convergedBatchSizes(), batchSizes),
              s.converged(),
              s.runs()));
    }
    return "Best settings: " + String.join("; ", parts) + ".";
  }

  private String worst() {
    record Worst(SettingAnswer setting, SettingAnswer.Failure failure) {}
    List<Worst> all = new ArrayList<>();
    settings.forEach(s -> s.failures().forEach(f -> all.add(new Worst(s, f))));
    all.sort(Comparator.comparingLong((Worst w) -> w.failure().runs()).reversed());
    List<String> parts = new ArrayList<>();
    for (Worst w : all.subList(0, Math.min(MAX_LISTED, all.size()))) {
      parts.add(w.setting().setting().label() + ": " + Words.failure(w.failure(), context));
    }
    return all.isEmpty()
        ? "No failures."
        : "Worst failures: "
            + String.join("; ", parts)
            + (all.size() > MAX_LISTED
                ? Words.f("; and %d more setting × failure kinds.", all.size() - MAX_LISTED)
                : ".");
  }

  /**
   * For each setting without lr: per batch-size band, the lrs at which at least half the runs
   * converged.
   */
  private String lrRanges() {
    List<Band> bands = BatchBands.of(batchSizes);
    Map<Setting, Map<Integer, TreeMap<Double, long[]>>> groups = new TreeMap<>(Setting.ORDER);
    for (Cell c : cells) {
      int band = 0;
      while (!bands.get(band).contains(c.batchSize())) {
        band++;
      }
      long[] n =
          groups
              .computeIfAbsent(c.setting().without("lr"), k -> new TreeMap<>())
              .computeIfAbsent(band, k -> new TreeMap<>())
              .computeIfAbsent(c.lr(), k -> new long[2]);
      n[0] += c.runs();
      n[1] += c.converged();
    }
    List<String> parts = new ArrayList<>();
    int listed = 0;
    for (Map.Entry<Setting, Map<Integer, TreeMap<Double, long[]>>> g : groups.entrySet()) {
      if (listed++ == 2 * MAX_LISTED) {
        parts.add(Words.f("and %d more", groups.size() - 2 * MAX_LISTED));
        break;
      }
      List<String> perBand = new ArrayList<>();
      for (int b = 0; b < bands.size(); b++) {
        TreeMap<Double, long[]> lrs = g.getValue().getOrDefault(b, new TreeMap<>());
        List<String> ok = convergingLrRanges(lrs);
        perBand.add(
            bands.get(b).label() + ": " + (ok.isEmpty() ? "none" : "lr " + String.join(", ", ok)));
      }
      parts.add(g.getKey().label() + " - " + String.join(" | ", perBand));
    }
    return "Learning rates at which at least half the runs converge, by batch size: "
        + String.join("; ", parts)
        + ".";
  }

  /**
   * The lrs (ascending, with their run and converged counts) at which at least half the runs
   * converged, as ranges of neighbours on the lr axis: "0.001-0.0068, 0.32".
   */
  static List<String> convergingLrRanges(TreeMap<Double, long[]> lrs) {
    List<String> ranges = new ArrayList<>();
    Double first = null;
    Double last = null;
    for (Map.Entry<Double, long[]> e : lrs.entrySet()) {
      long[] n = e.getValue();
      if (2 * n[1] >= n[0] && n[1] > 0) {
        first = first == null ? e.getKey() : first;
        last = e.getKey();
      } else if (first != null) {
        ranges.add(lrRange(first, last));
        first = null;
      }
    }
    if (first != null) {
      ranges.add(lrRange(first, last));
    }
    return ranges;
  }

  private static String lrRange(double first, double last) {
    return first == last
        ? Setting.readable(first)
        : Setting.readable(first) + "-" + Setting.readable(last);
  }

  /**
   * Share converged per setting and batch-size band, a row per setting (at most {@code maxRows}).
   */
  public String table(int maxRows) {
    List<Band> bands = BatchBands.of(batchSizes);
    int width =
        Math.max(7, settings.stream().mapToInt(s -> s.setting().label().length()).max().orElse(7));
    StringBuilder text = new StringBuilder(Words.f("  %-" + width + "s", "setting"));
    for (Band band : bands) {
      text.append(Words.f(" %15s", band.label()));
    }
    text.append('\n');
    int shown = 0;
    for (SettingAnswer s : settings) {
      if (shown++ == maxRows) {
        text.append(
            Words.f(
                "  ... %d more settings (./submit explain --sweep-id %s --format json lists each)%n",
                settings.size() - maxRows, sweepId));
        break;
      }
      text.append(Words.f("  %-" + width + "s", s.setting().label()));
      for (Band band : bands) {
        long runs = 0;
        long converged = 0;
        for (Cell c : cells) {
          if (c.setting().equals(s.setting()) && band.contains(c.batchSize())) {
            runs += c.runs();
            converged += c.converged();
          }
        }
        text.append(
            Words.f(
                " %15s",
                runs == 0
                    ? "-"
                    : Words.f("%3.0f%% (%d/%d)", 100.0 * converged / runs, converged, runs)));
      }
      text.append('\n');
    }
    return text.toString();
  }
}
