package org.batchsweep.report;

import java.util.List;
import org.apache.spark.sql.Row;
import org.batchsweep.BadInputException;
import org.batchsweep.core.Reference;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.store.ReferenceRow;
import org.batchsweep.store.SweepRow;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;

/** Looks up a sweep that is already in the tables: its row, the spec it ran with, its reference. */
public final class StoredSweep {

  private StoredSweep() {}

  /** The sweep's row of the sweeps table; a clear error when there is none. */
  public static SweepRow row(TableStore store, String sweepId) {
    if (!store.exists(Table.SWEEPS)) {
      throw new BadInputException(
          "no sweeps under "
              + store.location(Table.SWEEPS)
              + "; run ./submit run first (or pass --out)");
    }
    List<Row> rows = store.read(Table.SWEEPS, sweepId).collectAsList();
    if (rows.isEmpty()) {
      throw new BadInputException(
          "--sweep-id "
              + sweepId
              + ": no such sweep in "
              + store.location(Table.SWEEPS)
              + "; list them with ./submit sql \"SELECT sweep_id, name, created_at FROM sweeps\"");
    }
    return SweepRow.from(rows.get(0));
  }

  /**
   * The sweeps row of the given id, or of the latest sweep when none is given; an unknown id is
   * refused.
   */
  public static SweepRow resolve(TableStore store, String sweepIdOrNull) {
    return row(store, sweepIdOrNull != null ? sweepIdOrNull : latest(store));
  }

  /** The id of the most recently created sweep. */
  public static String latest(TableStore store) {
    if (!store.exists(Table.SWEEPS)) {
      throw new BadInputException(
          "no sweeps under "
              + store.location(Table.SWEEPS)
              + "; run ./submit run first (or pass --out)");
    }
    return store
        .read(Table.SWEEPS)
        .orderBy(org.apache.spark.sql.functions.col(SweepRow.CREATED_AT).desc())
        .first()
        .getAs(SweepRow.SWEEP_ID);
  }

  /**
   * Refuses, in one line with the exact command that finishes it, a sweep that did not complete:
   * its tables are not whole (an interrupted run leaves {@code status = running}).
   *
   * @param out the {@code --out} the user gave, repeated in the resume command unless it is the
   *     default
   */
  public static void requireComplete(SweepRow sweep, String out) {
    String status = status(sweep);
    if (!"complete".equals(status)) {
      String id = sweep.sweepId();
      throw new BadInputException(
          "sweep "
              + id
              + " is incomplete (status "
              + status
              + "; it was interrupted before all its runs were"
              + " written); finish it with: ./submit run --sweep-id "
              + id
              + " --resume"
              + ("results".equals(out) ? "" : " --out " + out));
    }
  }

  /** The sweep's status; sweeps written before the column existed were complete. */
  public static String status(SweepRow sweep) {
    return sweep.status() == null ? "complete" : sweep.status();
  }

  /** The spec the sweep ran with, parsed from its row. */
  public static SweepSpec spec(SweepRow sweep) {
    return SpecLoader.loadText(sweep.spec(), "sweeps.spec of " + sweep.sweepId(), List.of());
  }

  /** The sweep's reference fit, or null when the table has none for it. */
  public static Reference reference(TableStore store, String sweepId) {
    if (!store.exists(Table.REFERENCE)) {
      return null;
    }
    List<Row> rows = store.read(Table.REFERENCE, sweepId).collectAsList();
    if (rows.isEmpty()) {
      return null;
    }
    ReferenceRow r = ReferenceRow.from(rows.get(0));
    double[] weights =
        r.weights() == null
            ? new double[] {r.slope()}
            : r.weights().stream().mapToDouble(Double::doubleValue).toArray();
    return new Reference(
        r.method(),
        weights,
        r.intercept(),
        r.trainMse(),
        r.validationMse() == null ? Double.NaN : r.validationMse(),
        r.r2() == null ? Double.NaN : r.r2(),
        r.conditionNumber() == null ? 1.0 : r.conditionNumber());
  }
}
