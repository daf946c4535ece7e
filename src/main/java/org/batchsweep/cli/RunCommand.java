package org.batchsweep.cli;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.batchsweep.BadInputException;
import org.batchsweep.answer.BatchScaling;
import org.batchsweep.answer.Fixes;
import org.batchsweep.answer.SweepAnswers;
import org.batchsweep.data.DataLoader;
import org.batchsweep.data.SweepData;
import org.batchsweep.job.StageClock;
import org.batchsweep.job.SweepJob;
import org.batchsweep.job.SweepPlan;
import org.batchsweep.job.SweepResult;
import org.batchsweep.report.ConvergenceSummary;
import org.batchsweep.report.Paragraphs;
import org.batchsweep.report.StoredSweep;
import org.batchsweep.report.SweepReport;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SpecNotes;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.store.SweepRow;
import org.batchsweep.store.TableStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./submit run [SPEC.yaml] [--set key=value ...] [--out DIR] [--sweep-id ID]}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Train every run of a sweep on Spark, compare each with MLlib's least-squares line, write the tables.")
final class RunCommand implements Callable<Integer> {

  static final Pattern SWEEP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SPEC",
      description = "Spec YAML file or shipped spec name (default: seed).")
  String spec;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a spec key, e.g. --set grid.lr=[0.1,0.01]. Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = OutputDir.DEFAULT,
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(
      names = "--sweep-id",
      paramLabel = "ID",
      description =
          "Id of this sweep; re-using one replaces that sweep (default: NAME-yyyyMMdd-HHmmss).")
  String sweepId;

  @Option(
      names = "--resume",
      description =
          "Finish an interrupted sweep (needs --sweep-id): train only the runs it has not committed, with the spec it started with.")
  boolean resume;

  @Override
  public Integer call() {
    PrintStream stdout = RunInterruption.quietAfterInterrupt(System.out);
    PrintStream progress = RunInterruption.quietAfterInterrupt(System.err);
    if (resume) {
      if (sweepId == null) {
        throw new BadInputException("--resume needs --sweep-id ID: the sweep to finish");
      }
      if (spec != null || !overrides.isEmpty()) {
        throw new BadInputException(
            "--resume finishes a sweep with the spec it started with; drop SPEC and --set, or run without --resume");
      }
    }
    QuickCompilation.Mode jit = QuickCompilation.mode();
    String outUri = OutputDir.prepareForWriting(out);
    SweepSpec sweepSpec = resume ? null : SpecSource.load(spec, overrides);
    String id = sweepId != null ? checkSweepId(sweepId) : defaultSweepId(sweepSpec.name());
    // Line and CSV data are read before Spark starts, so their errors come first and cost nothing.
    SweepPlan plan =
        resume || DataLoader.needsSpark(sweepSpec.data()) ? null : plan(id, sweepSpec, null);

    // One writer per sweep id, from before anything is written (see SweepLock); Parquet data and
    // --resume need Spark to plan, so their lock is taken once Spark is up, before any write.
    SweepLock lock = plan != null ? SweepLock.acquire(out, id) : null;
    // A sweep sized before Spark starts chooses the JIT for Spark's start-up too.
    SweepSize size = plan != null ? SweepSize.of(plan) : null;
    if (size != null) {
      QuickCompilation.applyFor(size, jit);
    }
    RunInterruption interruption = RunInterruption.install(id, out);
    SparkSession spark = null;
    StageClock clock = new StageClock(JvmClock.startNanos());
    try {
      spark = Sessions.start("batchsweep run " + id);
      if (plan == null && !resume) {
        plan = plan(id, sweepSpec, spark); // Parquet data: its errors still come before the lock
      }
      if (lock == null) {
        lock = SweepLock.acquire(out, id);
      }
      if (resume) {
        TableStore tables = new TableStore(spark, outUri);
        SweepRow stored = StoredSweep.row(tables, id);
        if (SweepJob.STATUS_COMPLETE.equals(stored.status())) {
          stdout.printf("sweep %s is complete; nothing to resume%n", id);
          return 0;
        }
        sweepSpec =
            SpecLoader.loadText(stored.spec(), "the spec stored with sweep " + id, List.of());
      }
      if (plan == null) {
        plan = plan(id, sweepSpec, spark);
      }
      if (size == null) {
        size = SweepSize.of(plan);
        QuickCompilation.applyFor(size, jit);
      }
      QuickCompilation.interpretExpressionsIf(spark, size.fewRuns(), jit);
      progress.printf(
          Locale.ROOT,
          "sweep %s: %d runs of '%s' on %s, %d training points%n",
          id,
          plan.runs().size(),
          sweepSpec.name(),
          spark.sparkContext().master(),
          plan.data().train().size());
      TableStore store = new TableStore(spark, outUri);
      clock.lap("start-up");
      SweepJob job =
          new SweepJob(spark, store, progress, clock, () -> QuickCompilation.afterTraining(jit));
      interruption.writing(plan.runs().size(), job::committedRuns);
      SweepResult result = job.run(plan, resume);
      interruption.complete();
      stdout.printf(
          Locale.ROOT,
          "%nsweep %s: %d runs in %.1f s%s%n",
          id,
          result.runs(),
          result.wallSeconds(),
          resume
              ? String.format(
                  Locale.ROOT,
                  " (%d reused from the interrupted attempt, %d trained now)",
                  result.reusedRuns(),
                  result.runs() - result.reusedRuns())
              : "");
      BatchScaling scaling = BatchScaling.of(result.science().scaling(), result.science().noise());
      // Report (issue 4): figures and index.html from the tables just written. Its aggregates and
      // figures are made while the fixes train and the answer is found; the answer goes in last.
      try (SweepReport.Draft report =
          new SweepReport(spark, store, outUri).draft(id, result.axes(), scaling)) {
        // Fixes (issue 9): each failure kind's computed fix, trained to verify it, in the fixes
        // table.
        Fixes.run(spark, store, plan, result.reference(), result.axes().settingAxes(), progress);
        clock.lap("fixes");
        SpecNotes.print(sweepSpec, stdout);
        SweepAnswers answers = SweepAnswers.load(store, id, result.axes().settingAxes(), scaling);
        ConvergenceSummary.print(result.reference(), sweepSpec.converged(), answers, stdout);
        stdout.println();
        List<String> answer = answers.paragraphs();
        Paragraphs.print(answer, stdout);
        stdout.printf(
            Locale.ROOT,
            "%ntables: %s/tables/{sweeps,points,reference,runs,noise_scale,batch_scaling%s%s}%n",
            out,
            sweepSpec.train().recordEpochs() ? ",epochs" : "",
            sweepSpec.fixes().enabled() ? ",fixes" : "");
        stdout.printf(
            "explain: ./submit explain --sweep-id %s%s%n",
            id, out.equals(OutputDir.DEFAULT) ? "" : " --out " + out);
        stdout.printf(
            "query:  ./submit sql \"SELECT loss, shuffle, batch_size, slope, intercept, diagnosis FROM runs"
                + " WHERE sweep_id = '%s' ORDER BY batch_size LIMIT 20\"%s%n",
            id, out.equals(OutputDir.DEFAULT) ? "" : " --out " + out);
        clock.lap("summary");
        stdout.printf("report: %s%n", report.write(answer));
      }
      clock.lap("report");
      stdout.flush();
      progress.println(clock.line());
      return 0;
    } finally {
      try {
        if (spark != null) {
          spark.stop();
        }
      } finally {
        try {
          if (lock != null) {
            lock.close();
          }
        } finally {
          interruption.close();
        }
      }
    }
  }

  private static SweepPlan plan(String id, SweepSpec spec, SparkSession spark) {
    SweepData data = DataLoader.load(spec, spark);
    return SweepPlan.of(id, spec, data);
  }

  static String checkSweepId(String id) {
    if (!SWEEP_ID.matcher(id).matches()) {
      throw new BadInputException(
          "--sweep-id "
              + id
              + ": accepted: 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return id;
  }

  private static String defaultSweepId(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "-");
    if (safe.isEmpty() || !Character.isLetterOrDigit(safe.charAt(0))) {
      safe = "sweep" + safe;
    }
    String stamp =
        ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
    return safe.substring(0, Math.min(safe.length(), 80)) + "-" + stamp;
  }
}
