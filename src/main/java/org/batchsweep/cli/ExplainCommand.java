package org.batchsweep.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.batchsweep.BadInputException;
import org.batchsweep.job.Table;
import org.batchsweep.job.TableStore;
import org.batchsweep.report.ConvergenceSummary;
import org.batchsweep.report.DiagnosisTable;
import org.batchsweep.report.Paragraphs;
import org.batchsweep.report.StoredSweep;
import org.batchsweep.report.SweepAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./submit explain [--sweep-id ID] [--run-id ID] [--out DIR]}. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Explain why a sweep's runs did or did not converge (or one run, with --run-id).")
final class ExplainCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR", defaultValue = OutputDir.DEFAULT, description = "Folder the tables were written to (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(names = "--sweep-id", paramLabel = "ID", description = "The sweep (default: the latest).")
  String sweepId;

  @Option(names = "--run-id", paramLabel = "ID", description = "Explain this run only.")
  String runId;

  @Override
  public Integer call() {
    return StoredTables.open(out, "batchsweep explain", (spark, store, outUri) -> {
      Row sweep = StoredSweep.resolve(store, sweepId);
      String id = sweep.getString(0);
      PrintStream stdout = System.out;
      if (runId != null) {
        explainRun(store, id, stdout);
        return;
      }
      stdout.printf(Locale.ROOT, "sweep %s ('%s'): %d runs, status %s%n%n", id, sweep.getString(1), sweep.getLong(6),
          sweep.isNullAt(8) ? "complete" : sweep.getString(8));
      ConvergenceSummary.print(store, id, stdout);
      stdout.println();
      stdout.println("most common diagnosis, by batch size:");
      stdout.print(DiagnosisTable.of(store.read(Table.RUNS, id)).text());
      stdout.println();
      Paragraphs.print(SweepAnswer.forSweep(store, id), stdout);
    });
  }

  private void explainRun(TableStore store, String id, PrintStream out) {
    List<Row> rows = store.read(Table.RUNS, id).where(org.apache.spark.sql.functions.col("run_id").equalTo(runId)).collectAsList();
    if (rows.isEmpty()) {
      throw new BadInputException(
          "--run-id " + runId + ": no such run in sweep " + id
              + "; list them with ./submit sql \"SELECT run_id, batch_size, diagnosis FROM runs WHERE sweep_id = '" + id + "'\"");
    }
    Row run = rows.get(0);
    String[] columns = Table.RUNS.columnNames();
    for (int i = 0; i < columns.length; i++) {
      if (!columns[i].equals("detail")) {
        out.printf("%-20s %s%n", columns[i], run.isNullAt(i) ? "-" : run.get(i));
      }
    }
    out.println();
    out.print(run.<String>getAs("diagnosis") + ": ");
    Paragraphs.print(List.of(run.<String>getAs("detail")), out);
  }
}
