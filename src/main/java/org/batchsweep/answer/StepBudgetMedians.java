package org.batchsweep.answer;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.batchsweep.diagnose.Diagnosis;
import org.batchsweep.store.RunRow;
import org.batchsweep.store.SettingAxes;

/**
 * The medians of steps taken and needed, for the cells whose words name them: the step-budget cell
 * of each setting at its largest batch size ({@link Words#why}).
 *
 * <p>They are asked of Spark apart from the cells' counts, and only for those cells' runs: an exact
 * median needs each group's values, an object aggregate that over every cell of {@code large}'s
 * 10^6 runs took more time than the counts themselves (README, Interactive speed). The runs read
 * are those of step-budget diagnosis at one of the chosen batch sizes; their groups outside the
 * chosen cells are dropped on the driver, and are no more than the cells already there.
 */
final class StepBudgetMedians {

  private static final String STEP_BUDGET = Diagnosis.STEP_BUDGET.label();

  private StepBudgetMedians() {}

  /** {@code cells} with the medians filled in where the words use them. */
  static List<Cell> fill(Dataset<Row> runs, SettingAxes axes, List<Cell> cells) {
    Map<Setting, Integer> largest = new HashMap<>();
    for (Cell c : cells) {
      if (c.diagnosis().equals(STEP_BUDGET)) {
        largest.merge(c.setting(), c.batchSize(), Math::max);
      }
    }
    if (largest.isEmpty()) {
      return cells;
    }
    List<Column> keys = new ArrayList<>();
    axes.varying().forEach(a -> keys.add(col(a)));
    keys.add(col(RunRow.BATCH_SIZE));
    Map<Setting, double[]> medians = new HashMap<>();
    for (Row r :
        runs.where(
                col(RunRow.DIAGNOSIS)
                    .equalTo(STEP_BUDGET)
                    .and(col(RunRow.BATCH_SIZE).isin(new TreeSet<>(largest.values()).toArray())))
            .groupBy(keys.toArray(Column[]::new))
            .agg(
                Medians.lower(col(RunRow.STEPS).cast("double")),
                Medians.lower(col(RunRow.STEPS_NEEDED)))
            .collectAsList()) {
      Setting setting = Setting.of(axes.varying(), r);
      int k = axes.varying().size();
      Integer at = largest.get(setting);
      if (at != null && at == r.getInt(k)) {
        medians.put(
            setting,
            new double[] {SweepAnswers.doubleOrNaN(r, k + 1), SweepAnswers.doubleOrNaN(r, k + 2)});
      }
    }
    List<Cell> filled = new ArrayList<>(cells.size());
    for (Cell c : cells) {
      double[] m = medians.get(c.setting());
      boolean named =
          m != null
              && c.diagnosis().equals(STEP_BUDGET)
              && c.batchSize() == largest.get(c.setting());
      filled.add(named ? c.withSteps(m[0], m[1]) : c);
    }
    return filled;
  }
}
