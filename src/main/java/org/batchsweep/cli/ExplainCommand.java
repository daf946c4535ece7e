package org.batchsweep.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.batchsweep.BadInputException;
import org.batchsweep.answer.SweepAnswers;
import org.batchsweep.report.ConvergenceSummary;
import org.batchsweep.report.Paragraphs;
import org.batchsweep.report.StoredSweep;
import org.batchsweep.store.RunRow;
import org.batchsweep.store.SweepRow;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./submit explain [--sweep-id ID] [--run-id ID] [--out DIR] [--format text|json]}. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explain why a sweep's runs did or did not converge, by setting (or one run, with --run-id).")
final class ExplainCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = OutputDir.DEFAULT,
      description = "Folder the tables were written to (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(
      names = "--sweep-id",
      paramLabel = "ID",
      description = "The sweep (default: the latest; with --run-id: any sweep holding the run).")
  String sweepId;

  @Option(names = "--run-id", paramLabel = "ID", description = "Explain this run only.")
  String runId;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, or json: one object per setting and line; default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() {
    if (runId != null) {
      return StoredTables.open(
          out, "batchsweep explain", (spark, store, outUri) -> explainRun(store, System.out));
    }
    return StoredTables.openCompleteSweep(
        out,
        sweepId,
        "batchsweep explain",
        (spark, store, outUri, sweep, axes) -> {
          PrintStream stdout = System.out;
          String id = sweep.sweepId();
          SweepAnswers answers = SweepAnswers.load(store, id, axes.settingAxes());
          if (format == Format.json) {
            answers.jsonLines().forEach(stdout::println);
            return;
          }
          stdout.printf(
              Locale.ROOT,
              "sweep %s ('%s'): %d runs, status %s%n%n",
              id,
              sweep.name(),
              sweep.runs(),
              StoredSweep.status(sweep));
          ConvergenceSummary.print(
              StoredSweep.reference(store, id),
              StoredSweep.spec(sweep).converged(),
              answers,
              stdout);
          stdout.println();
          Paragraphs.print(answers.paragraphs(), stdout);
        });
  }

  /** The run in whichever sweep holds it (the latest of several, named), or in the given sweep. */
  private void explainRun(TableStore store, PrintStream out) {
    if (!store.exists(Table.RUNS)) {
      StoredSweep.latest(store); // a clear error when nothing was ever run
      throw new BadInputException(
          "--run-id " + runId + ": no completed sweep under --out " + this.out + " holds runs yet");
    }
    var runs = store.read(Table.RUNS).where(col(RunRow.RUN_ID).equalTo(runId));
    if (sweepId != null) {
      StoredSweep.row(store, sweepId);
      runs = runs.where(col(Table.PARTITION_COLUMN).equalTo(sweepId));
    }
    List<Row> holders =
        runs.select(Table.PARTITION_COLUMN)
            .distinct()
            .join(
                store.read(Table.SWEEPS).select(Table.PARTITION_COLUMN, SweepRow.CREATED_AT),
                Table.PARTITION_COLUMN)
            .orderBy(col(SweepRow.CREATED_AT).desc())
            .collectAsList();
    if (holders.isEmpty()) {
      throw new BadInputException(
          "--run-id "
              + runId
              + ": no such run in "
              + (sweepId != null ? "sweep " + sweepId : "any sweep")
              + "; list them with ./submit sql \"SELECT sweep_id, run_id, batch_size, diagnosis FROM runs\"");
    }
    String id = holders.get(0).getAs(Table.PARTITION_COLUMN);
    if (holders.size() > 1) {
      out.printf(
          Locale.ROOT,
          "run %s is in %d sweeps (%s); showing the latest, %s (choose with --sweep-id)%n%n",
          runId,
          holders.size(),
          String.join(
              ", ", holders.stream().map(r -> r.<String>getAs(Table.PARTITION_COLUMN)).toList()),
          id);
    } else {
      out.printf("run %s of sweep %s%n%n", runId, id);
    }
    Row run = runs.where(col(Table.PARTITION_COLUMN).equalTo(id)).first();
    for (String column : Table.RUNS.columnNames()) {
      if (!column.equals(RunRow.DETAIL)) {
        int i = run.fieldIndex(column);
        out.printf("%-20s %s%n", column, run.isNullAt(i) ? "-" : text(run.get(i)));
      }
    }
    out.println();
    RunRow stored = RunRow.from(run);
    out.print(stored.diagnosis() + ": ");
    Paragraphs.print(List.of(stored.detail()), out);
  }

  /** A cell as the user reads it: arrays as [a, b] rather than Scala's ArraySeq(a, b). */
  private static String text(Object value) {
    return value instanceof scala.collection.Seq<?> seq
        ? seq.mkString("[", ", ", "]")
        : String.valueOf(value);
  }
}
