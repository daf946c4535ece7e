package org.batchsweep.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.batchsweep.data.DataLoader;
import org.batchsweep.diagnose.BatchBands;
import org.batchsweep.job.SweepJob;
import org.batchsweep.job.SweepPlan;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.store.RunAxes;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;
import org.batchsweep.testing.SparkTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYSeries;

/**
 * The report built from real tables: two small sweeps run by {@link SweepJob} on local[2], one
 * shaped like the seed (batch size × shuffle × loss × seeds, epochs recorded), one with a batch
 * size × learning rate grid.
 */
class SweepReportIT {

  static final String SEED = "seedlike";
  static final String GRID = "lrgrid";
  static final String MULTI = "multiaxis";
  static final List<String> ANSWER =
      List.of(
          "Shuffled batches with the broadcasting loss fit y = mean(y) & never the line.",
          "Second <paragraph>.");

  static final String SEED_SPEC =
      """
      name: seedlike
      data: {n: 200}
      train: {epochs: 100, record_epochs: true}
      grid:
        batch_size: [5, 10, 25, 50, 100, 200]
        shuffle: [false, true]
        loss: [mse-broadcast, mse]
        seed: [0, 1, 2]
      """;
  static final String GRID_SPEC =
      """
      name: lrgrid
      data: {n: 200}
      train: {epochs: 20}
      grid:
        batch_size: [10, 50, 200]
        shuffle: [true]
        loss: [mse]
        lr: [0.01, 0.1]
        seed: [0, 1]
      """;

  /** More settings than one panel holds: small multiples; SGD at lr 3 blows up. */
  static final String MULTI_SPEC =
      """
      name: multiaxis
      data: {n: 200}
      train: {epochs: 20}
      grid:
        batch_size: [10, 50, 200]
        shuffle: [false, true]
        loss: [mse]
        optimizer: [adam, sgd]
        lr: [0.01, 0.1, 1, 3]
        momentum: [0, 0.9]
        seed: [0, 1]
      """;

  @TempDir static Path out;
  static SparkSession spark;
  static TableStore store;
  static String outUri;
  static Path seedPage;
  static ReportData seedData;
  static ReportData gridData;
  static ReportData multiData;

  @BeforeAll
  static void runSweepsAndReport() {
    spark = SparkTests.start("local[2]");
    outUri = out.toUri().toString();
    store = new TableStore(spark, outUri);
    run(SEED, SEED_SPEC);
    run(GRID, GRID_SPEC);
    run(MULTI, MULTI_SPEC);
    SweepReport report = new SweepReport(spark, store, outUri);
    seedPage = Path.of(report.write(SEED, ANSWER));
    report.write(GRID, List.of());
    report.write(MULTI, List.of());
    seedData = ReportData.load(store, SEED);
    gridData = ReportData.load(store, GRID);
    multiData = ReportData.load(store, MULTI);
    store.read(Table.RUNS).createOrReplaceTempView("runs");
    store.read(Table.EPOCHS).createOrReplaceTempView("epochs");
  }

  @AfterAll
  static void stop() {
    SparkTests.stop(spark);
  }

  private static void run(String id, String yaml) {
    SweepSpec spec = SpecLoader.loadText(yaml, id, List.of());
    SweepPlan plan = SweepPlan.of(id, spec, DataLoader.load(spec.data(), spark));
    new SweepJob(spark, store, System.err).run(plan);
  }

  private static List<Figure> figures(String sweepId) {
    return ReportFigures.of(
        sweepId.equals(SEED) ? seedData : sweepId.equals(GRID) ? gridData : multiData);
  }

  private static Figure figure(List<Figure> figures, String name) {
    return figures.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no figure " + name + " in " + figures.stream().map(Figure::name).toList()));
  }

  // ---------------------------------------------------------------- how the report is made

  @Test
  void aggregatesRunAtOnceGiveWhatTheyGiveOneAfterAnother() {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (String id : List.of(SEED, GRID, MULTI)) {
        ReportData together = ReportData.load(store, id, null, pool);
        ReportData alone = id.equals(SEED) ? seedData : id.equals(GRID) ? gridData : multiData;
        assertThat(together.points()).as(id).isNotEmpty();
        // field by field: some of the aggregates hold arrays
        assertThat(together)
            .as(id)
            .usingRecursiveComparison()
            .withComparatorForType(Double::compare, Double.class) // NaN for an empty cell
            .comparingOnlyFields(
                "points", "cells", "trajectories", "diagnoses", "curvePanels", "mapPanels")
            .isEqualTo(alone);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDraftClosedBeforeItIsWrittenLeavesTheReportAsItWas() throws Exception {
    Map<String, Long> before = modified(seedPage.getParent());
    try (SweepReport.Draft draft = new SweepReport(spark, store, outUri).draft(SEED, null, null)) {
      assertThat(draft).isNotNull(); // the fixes or the answer failed here: nothing is written
    }
    assertThat(modified(seedPage.getParent())).isEqualTo(before).isNotEmpty();
  }

  private static Map<String, Long> modified(Path folder) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path p : paths.toList()) {
        files.put(p.getFileName().toString(), Files.getLastModifiedTime(p).toMillis());
      }
    }
    return files;
  }

  // ---------------------------------------------------------------- the seed's figure

  @Test
  void seedFigure_plotsForEachLossAndShuffleTheSqlMedianMinAndMaxOverSeeds() {
    List<Figure> figures = figures(SEED);
    for (String loss : List.of("mse-broadcast", "mse")) {
      Figure figure = figure(figures, BatchSizeFigure.fileName(loss));
      for (boolean shuffle : List.of(false, true)) {
        List<Row> sql =
            spark
                .sql(
                    "SELECT batch_size, percentile(slope, 0.5), min(slope), max(slope),"
                        + " percentile(intercept, 0.5), percentile(train_mse, 0.5)"
                        + " FROM runs WHERE sweep_id = '"
                        + SEED
                        + "' AND loss = '"
                        + loss
                        + "' AND shuffle = "
                        + shuffle
                        + " GROUP BY batch_size ORDER BY batch_size")
                .collectAsList();
        String line = Labels.shuffle(shuffle);
        String what = loss + ", " + line;
        assertThat(sql).as(what).hasSize(6);

        XYSeries slope = figure.series(BatchSizeFigure.SLOPE, line);
        assertThat(slope.getXData())
            .as("batch sizes of " + what)
            .containsExactly(sql.stream().mapToDouble(r -> r.getInt(0)).toArray());
        assertThat(slope.getYData())
            .as("median slope of " + what)
            .containsExactly(column(sql, 1), within(1e-12));
        assertThat(figure.series(BatchSizeFigure.INTERCEPT, line).getYData())
            .as("median intercept of " + what)
            .containsExactly(column(sql, 4), within(1e-12));
        assertThat(figure.series(BatchSizeFigure.TRAIN_MSE, line).getYData())
            .as("median train MSE of " + what)
            .containsExactly(column(sql, 5), within(1e-12));

        double[] band = figure.series(BatchSizeFigure.SLOPE, line + " (min–max)").getYData();
        double[] mins = java.util.Arrays.copyOfRange(band, 0, sql.size());
        double[] maxes = new double[sql.size()];
        for (int i = 0; i < sql.size(); i++) {
          maxes[i] = band[band.length - 1 - i];
        }
        assertThat(mins)
            .as("band's lower edge for " + what)
            .containsExactly(column(sql, 2), within(1e-12));
        assertThat(maxes)
            .as("band's upper edge for " + what)
            .containsExactly(column(sql, 3), within(1e-12));
      }
      double refSlope = store.read(Table.REFERENCE, SEED).select("slope").first().getDouble(0);
      assertThat(figure.series(BatchSizeFigure.SLOPE, BatchSizeFigure.REFERENCE).getYData())
          .as("dashed reference of " + loss)
          .containsOnly(refSlope);
    }
  }

  @Test
  void seedFigure_drawsTheObjectivesMinimiserOnlyWhenTheColumnsHoldValues() {
    Dataset<Row> runs = store.read(Table.RUNS, SEED);
    // As the runs table will read once issue 3 adds the columns: values for new sweeps ...
    Dataset<Row> withObjective =
        runs.withColumn(BatchSizeCurves.OBJECTIVE_SLOPE, col("slope").multiply(0.5))
            .withColumn(BatchSizeCurves.OBJECTIVE_INTERCEPT, col("intercept").plus(1));
    Figure figure =
        BatchSizeFigure.of(
            "mse-broadcast",
            BatchSizeCurves.of(
                withObjective.where(col("loss").equalTo("mse-broadcast")),
                new SweepAxes(RunAxes.of(withObjective))),
            List.of("fixed order", "shuffled"),
            new org.batchsweep.core.Reference("m", -4, 0, 0.0025, 0.0025, 1));
    withObjective.createOrReplaceTempView("runs_with_objective");
    List<Row> sql =
        spark
            .sql(
                "SELECT batch_size, percentile(objective_slope, 0.5), percentile(objective_intercept, 0.5)"
                    + " FROM runs_with_objective WHERE loss = 'mse-broadcast' AND shuffle"
                    + " GROUP BY batch_size ORDER BY batch_size")
            .collectAsList();
    assertThat(figure.series(BatchSizeFigure.SLOPE, "shuffled (objective)").getYData())
        .containsExactly(column(sql, 1), within(1e-12));
    assertThat(figure.series(BatchSizeFigure.INTERCEPT, "shuffled (objective)").getYData())
        .containsExactly(column(sql, 2), within(1e-12));

    // ... and nulls for sweeps written before them.
    Dataset<Row> nulls =
        runs.withColumn(BatchSizeCurves.OBJECTIVE_SLOPE, lit(null).cast("double"))
            .withColumn(BatchSizeCurves.OBJECTIVE_INTERCEPT, lit(null).cast("double"));
    List<BatchSizeCurves.Point> points =
        BatchSizeCurves.of(nulls, new SweepAxes(RunAxes.of(nulls)));
    assertThat(points).allSatisfy(p -> assertThat(p.objectiveSlope()).isNaN());
    assertThat(
            BatchSizeFigure.of(
                    "mse",
                    points.stream().filter(p -> p.loss().equals("mse")).toList(),
                    List.of("fixed order", "shuffled"),
                    new org.batchsweep.core.Reference("m", -4, 0, 1, 1, 1))
                .caption())
        .doesNotContain("dotted");
  }

  // ---------------------------------------------------------------- the other figures

  @Test
  void convergenceMap_hasTheSqlShareOfConvergedRunsOfEverySettingAndBatchSize() {
    assertThat(figures(SEED)).extracting(Figure::name).contains(ConvergenceMapFigure.NAME);
    Figure map = figure(figures(GRID), ConvergenceMapFigure.NAME);
    assertThat(map.panels())
        .as("one map: only the learning rate varies besides batch size")
        .hasSize(1);

    Dataset<Row> runs = store.read(Table.RUNS, GRID);
    ConvergenceCells cells =
        ConvergenceCells.of(runs, new SweepAxes(RunAxes.of(runs)), List.of(10, 50, 200), null);
    assertThat(cells.banded()).isFalse();
    assertThat(cells.columns()).containsExactly("10", "50", "200");
    Map<String, Double> expected = new TreeMap<>();
    spark
        .sql(
            "SELECT batch_size, lr, avg(CASE WHEN converged THEN 1.0 ELSE 0.0 END) FROM runs"
                + " WHERE sweep_id = '"
                + GRID
                + "' GROUP BY batch_size, lr")
        .collectAsList()
        .forEach(
            r -> expected.put(r.getInt(0) + "/" + r.getDouble(1), r.getDecimal(2).doubleValue()));
    Map<String, Double> actual = new TreeMap<>();
    for (ConvergenceCells.Cell c : cells.cells()) {
      actual.put(List.of(10, 50, 200).get(c.column()) + "/" + c.setting().get("lr"), c.share());
    }
    assertThat(actual).hasSize(6);
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    actual.forEach(
        (k, v) ->
            assertThat(v).as("share converged at " + k).isCloseTo(expected.get(k), within(1e-9)));
  }

  @Test
  void
      multiAxis_smallMultiplesPlotTheSqlMedians_withAtMostEightLinesAPanel_andExplodedRunsOffTheAxis() {
    List<Figure> figures = figures(MULTI);
    assertThat(figures)
        .extracting(Figure::name)
        .as("many settings: the maps first, then small multiples instead of one crowded panel")
        .containsExactly(ConvergenceMapFigure.NAME, SettingsFigure.NAME);
    Figure figure = figure(figures, SettingsFigure.NAME);
    PanelPlan plan = multiData.curvePanels().orElseThrow();
    assertThat(plan.inner()).isEqualTo("lr");
    assertThat(plan.panels())
        .extracting(PanelPlan.Panel::title)
        .containsExactly(
            "adam · fixed order · momentum 0",
            "adam · shuffled · momentum 0",
            "sgd · fixed order · momentum 0",
            "sgd · fixed order · momentum 0.9",
            "sgd · shuffled · momentum 0",
            "sgd · shuffled · momentum 0.9");

    double exploded =
        spark
            .sql(
                "SELECT max(abs(slope)) FROM runs WHERE sweep_id = '"
                    + MULTI
                    + "' AND NOT isnan(slope)"
                    + " AND abs(slope) < double('Infinity')")
            .first()
            .getDouble(0);
    assertThat(exploded).as("the sweep has exploded runs").isGreaterThan(1e6);
    int checked = 0;
    for (int i = 0; i < plan.panels().size(); i++) {
      PanelPlan.Panel panel = plan.panels().get(i);
      org.knowm.xchart.XYChart chart = (org.knowm.xchart.XYChart) figure.panels().get(i).chart();
      assertThat(chart.getStyler().getYAxisMax()).as("top of " + panel.title()).isLessThan(100.0);
      assertThat(chart.getStyler().getYAxisMin())
          .as("bottom of " + panel.title())
          .isGreaterThan(-100.0);
      assertThat(
              chart.getSeriesMap().values().stream()
                  .filter(org.knowm.xchart.XYSeries::isShowInLegend)
                  .filter(s -> !s.getName().equals(BatchSizeFigure.REFERENCE))
                  .count())
          .as("lines of " + panel.title())
          .isLessThanOrEqualTo(8);
      for (Setting setting : panel.settings()) {
        String where =
            " WHERE sweep_id = '"
                + MULTI
                + "' AND optimizer = '"
                + setting.get("optimizer")
                + "' AND shuffle = "
                + setting.get("shuffle")
                + " AND lr = "
                + setting.get("lr")
                + " AND momentum = "
                + setting.get("momentum");
        List<Row> sql =
            spark
                .sql(
                    "SELECT batch_size, percentile(CASE WHEN isnan(slope) OR abs(slope) = double('Infinity')"
                        + " THEN NULL ELSE slope END, 0.5) FROM runs"
                        + where
                        + " GROUP BY batch_size ORDER BY batch_size")
                .collectAsList();
        String name = SettingsFigure.lineLabel(plan, setting);
        org.knowm.xchart.XYSeries line = chart.getSeriesMap().get(name);
        double lo = chart.getStyler().getYAxisMin();
        double hi = chart.getStyler().getYAxisMax();
        for (int k = 0; k < sql.size(); k++) {
          double median = sql.get(k).isNullAt(1) ? Double.NaN : sql.get(k).getDouble(1);
          int batch = sql.get(k).getInt(0);
          if (Double.isFinite(median) && median >= lo && median <= hi) {
            assertThat(line.getYData()[k])
                .as(name + " at B " + batch + " in " + panel.title())
                .isCloseTo(median, within(1e-12));
            checked++;
          } else {
            org.knowm.xchart.XYSeries mark =
                chart
                    .getSeriesMap()
                    .get(
                        name
                            + (Double.isFinite(median) && median < lo
                                ? ClippedCurve.BELOW
                                : ClippedCurve.ABOVE));
            assertThat(mark)
                .as("off-scale mark of " + name + " at B " + batch + " in " + panel.title())
                .isNotNull();
            assertThat(mark.getXData()).contains((double) batch);
          }
        }
      }
    }
    assertThat(checked).as("points compared with SQL").isGreaterThan(30);
  }

  @Test
  void trajectories_oneRunPerDiagnosis_plottedFromTheEpochsTable() {
    List<Trajectories.Path> paths = seedData.trajectories();
    List<String> diagnoses =
        spark
            .sql(
                "SELECT DISTINCT diagnosis FROM runs WHERE sweep_id = '"
                    + SEED
                    + "' ORDER BY diagnosis")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(paths).extracting(Trajectories.Path::diagnosis).containsExactlyElementsOf(diagnoses);

    Figure figure = figure(figures(SEED), TrajectoryFigure.NAME);
    for (Trajectories.Path path : paths) {
      List<Row> epochs =
          spark
              .sql(
                  "SELECT epoch, slope FROM epochs WHERE sweep_id = '"
                      + SEED
                      + "' AND run_id = '"
                      + path.runId()
                      + "' ORDER BY epoch")
              .collectAsList();
      XYSeries plotted = figure.series(TrajectoryFigure.SLOPE, path.label());
      assertThat(plotted.getXData())
          .as("epochs of " + path.label())
          .containsExactly(epochs.stream().mapToDouble(r -> r.getInt(0)).toArray());
      assertThat(plotted.getYData())
          .as("slopes of " + path.label())
          .containsExactly(column(epochs, 1), within(1e-12));
      assertThat(plotted.getXData()[0]).as("starts at the initial point").isZero();
      // The representative is the (lower) median batch size of its diagnosis.
      List<Integer> sizes =
          spark
              .sql(
                  "SELECT batch_size FROM runs WHERE sweep_id = '"
                      + SEED
                      + "' AND diagnosis = '"
                      + path.diagnosis()
                      + "' ORDER BY batch_size, run_id")
              .as(org.apache.spark.sql.Encoders.INT())
              .collectAsList();
      assertThat(path.label()).contains("B " + sizes.get((sizes.size() + 1) / 2 - 1) + ",");
    }
  }

  @Test
  void diagnosisTable_countsEveryRunOnceInItsBatchBand() {
    DiagnosisTable table = DiagnosisTable.of(store.read(Table.RUNS, SEED));
    assertThat(table.bands()).isEqualTo(BatchBands.of(List.of(5, 10, 25, 50, 100, 200)));
    Map<String, Long> expected = new TreeMap<>();
    spark
        .sql(
            "SELECT loss, shuffle, diagnosis, count(*) FROM runs WHERE sweep_id = '"
                + SEED
                + "'"
                + " GROUP BY loss, shuffle, diagnosis")
        .collectAsList()
        .forEach(
            r ->
                expected.put(
                    r.getString(0) + "|" + r.getBoolean(1) + "|" + r.getString(2), r.getLong(3)));
    Map<String, Long> actual = new TreeMap<>();
    for (DiagnosisTable.Group g : table.groups()) {
      assertThat(g.total()).as("runs of " + g.loss() + "/" + g.shuffle()).isEqualTo(6 * 3);
      for (DiagnosisTable.Line line : g.lines()) {
        actual.put(g.loss() + "|" + g.shuffle() + "|" + line.diagnosis(), line.total());
      }
    }
    assertThat(actual).isEqualTo(expected);
  }

  // ---------------------------------------------------------------- the files and the page

  @Test
  void report_writesEachFigureAsANonBlankPngOfItsSizeAndAWellFormedSvg() throws Exception {
    assertThat(seedPage).isEqualTo(out.resolve("report").resolve(SEED).resolve("index.html"));
    List<Figure> figures = figures(SEED);
    assertThat(figures)
        .extracting(Figure::name)
        .containsExactly(
            "batch-size-mse-broadcast",
            "batch-size-mse",
            ConvergenceMapFigure.NAME,
            TrajectoryFigure.NAME);
    for (Figure f : figures) {
      Path png = seedPage.resolveSibling(f.name() + ".png");
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image).as(png.toString()).isNotNull();
      assertThat(image.getWidth()).as("width of " + png).isEqualTo(f.width() * Figure.PNG_SCALE);
      assertThat(image.getHeight()).as("height of " + png).isEqualTo(f.height() * Figure.PNG_SCALE);
      assertThat(Images.greyVariance(image)).as("grey-level variance of " + png).isGreaterThan(100);
      Path svg = seedPage.resolveSibling(f.name() + ".svg");
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      assertThat(factory.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getTagName())
          .as(svg.toString())
          .isEqualTo("svg");
    }
    try (var files = Files.list(seedPage.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("nothing but the page and its figures (no checksum files)")
          .allMatch(n -> n.equals("index.html") || n.endsWith(".png") || n.endsWith(".svg"));
    }
  }

  @Test
  void page_everyLinkAndImageResolvesToAFileOrFolderBesideIt_andNothingIsFetched()
      throws IOException {
    for (String sweep : List.of(SEED, GRID)) {
      Path page = out.resolve("report").resolve(sweep).resolve("index.html");
      String html = Files.readString(page);
      List<String> refs = new ArrayList<>();
      Matcher m = Pattern.compile("\\b(src|href)=\"([^\"]*)\"").matcher(html);
      while (m.find()) {
        refs.add(m.group(2));
      }
      assertThat(refs).as("links of " + sweep).isNotEmpty();
      for (String ref : refs) {
        if (ref.startsWith("#")) {
          assertThat(html).as("anchor " + ref).contains("id=\"" + ref.substring(1) + "\"");
          continue;
        }
        assertThat(ref).as("offline: no scheme").doesNotContain(":");
        Path target =
            page.getParent().resolve(URLDecoder.decode(ref, StandardCharsets.UTF_8)).normalize();
        assertThat(target).as(ref + " from " + page).exists();
      }
      assertThat(refs)
          .as("links to the sweep's Parquet partitions")
          .contains(
              "../../tables/runs/sweep_id=" + sweep + "/",
              "../../tables/sweeps/sweep_id=" + sweep + "/");
      assertThat(html)
          .as("self-contained")
          .doesNotContain("<script", "<link", "http://", "https://", "url(");
    }
  }

  @Test
  void page_showsTheSpecTheReferenceTheAnswerEscapedAndTheDiagnoses() throws IOException {
    String html = Files.readString(seedPage);
    assertThat(html)
        .contains("batch_size:", "record_epochs: true") // the stored spec
        .contains("mllib-normal")
        .contains(
            "<section id=\"answer\"",
            "fit y = mean(y) &amp; never the line.",
            "Second &lt;paragraph&gt;.")
        .contains("<table class=\"diagnoses\">", "B 5–10")
        .contains("<img src=\"batch-size-mse.png\"", "<img src=\"trajectories.png\"");
    String grid = Files.readString(out.resolve("report").resolve(GRID).resolve("index.html"));
    assertThat(grid)
        .as("no answer given, no section")
        .doesNotContain("id=\"answer\"")
        .contains("<img src=\"convergence-map.png\"");
  }

  @Test
  void page_rendersInHeadlessChromium() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assumeTrue(
        Files.isExecutable(chromium),
        "headless Chromium is not installed (/usr/bin/chromium); install it with: apt-get install -y chromium");
    Path shots = Path.of(System.getProperty("batchsweep.home", "."), "target", "report-it");
    Files.createDirectories(shots);
    Path shot = shots.resolve("seed-report.png");
    Files.deleteIfExists(shot);
    Path profile = Files.createTempDirectory("chromium-profile");
    Process p =
        new ProcessBuilder(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--hide-scrollbars",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + profile,
                "--window-size=1100,3200",
                "--screenshot=" + shot,
                seedPage.toUri().toString())
            .redirectErrorStream(true)
            .redirectOutput(shots.resolve("chromium.log").toFile())
            .start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    String log = Files.readString(shots.resolve("chromium.log"));
    assertThat(p.exitValue()).as("chromium's exit status; log:\n" + log).isZero();
    assertThat(log).as("no message from the page's console").doesNotContain(":CONSOLE");
    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(image.getWidth()).isEqualTo(1100);
    assertThat(Images.greyVariance(image)).as("the screenshot shows something").isGreaterThan(100);
  }

  private static double[] column(List<Row> rows, int i) {
    return rows.stream().mapToDouble(r -> ((Number) r.get(i)).doubleValue()).toArray();
  }
}
