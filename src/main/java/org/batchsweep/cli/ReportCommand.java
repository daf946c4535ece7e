package org.batchsweep.cli;

import java.util.concurrent.Callable;
import org.batchsweep.answer.BatchScaling;
import org.batchsweep.answer.SweepAnswers;
import org.batchsweep.report.SweepReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./submit report [--out DIR] [--sweep-id ID]}. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Rebuild a sweep's HTML report and figures from its tables alone (no retraining).")
final class ReportCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = OutputDir.DEFAULT,
      description =
          "Folder the tables were written to (default: ${DEFAULT-VALUE}); the report goes to DIR/report/ID/.")
  String out;

  @Option(
      names = "--sweep-id",
      paramLabel = "ID",
      description = "The sweep to report on (default: the most recently started).")
  String sweepId;

  @Override
  public Integer call() {
    return StoredTables.openCompleteSweep(
        out,
        sweepId,
        "batchsweep report",
        (spark, store, outUri, sweep, axes) -> {
          String id = sweep.sweepId();
          BatchScaling scaling = BatchScaling.load(store, id); // for the answer and the figure
          try (SweepReport.Draft report =
              new SweepReport(spark, store, outUri).draft(id, axes, scaling)) {
            SweepAnswers answers = SweepAnswers.load(store, id, axes.settingAxes(), scaling);
            System.out.printf("report: %s%n", report.write(answers.paragraphs()));
          }
        });
  }
}
