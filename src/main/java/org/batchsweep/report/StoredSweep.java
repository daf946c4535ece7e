package org.batchsweep.report;

import java.util.List;
import org.apache.spark.sql.Row;
import org.batchsweep.BadInputException;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;

/** Looks up a sweep that is already in the tables: its id and the spec it ran with. */
public final class StoredSweep {

  private StoredSweep() {}

  /** The sweep's row of the sweeps table; a clear error when there is none. */
  public static Row row(TableStore store, String sweepId) {
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
    return rows.get(0);
  }

  /**
   * The sweeps row of the given id, or of the latest sweep when none is given; an unknown id is
   * refused.
   */
  public static Row resolve(TableStore store, String sweepIdOrNull) {
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
        .orderBy(org.apache.spark.sql.functions.col("created_at").desc())
        .first()
        .getString(0);
  }

  /**
   * Refuses, in one line with the exact command that finishes it, a sweep that did not complete:
   * its tables are not whole (an interrupted run leaves {@code status = running}).
   *
   * @param out the {@code --out} the user gave, repeated in the resume command unless it is the
   *     default
   */
  public static void requireComplete(Row sweep, String out) {
    String status = sweep.isNullAt(sweep.fieldIndex("status")) ? "complete" : sweep.getAs("status");
    if (!"complete".equals(status)) {
      String id = sweep.getAs("sweep_id");
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

  public static SweepSpec spec(TableStore store, String sweepId) {
    Row row = row(store, sweepId);
    return SpecLoader.loadText(row.getString(2), "sweeps.spec of " + sweepId, List.of());
  }
}
