package org.batchsweep.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Reference;
import org.batchsweep.core.Scale;
import org.batchsweep.diagnose.BatchBands.Band;
import org.batchsweep.diagnose.Diagnosis;
import org.batchsweep.spec.DataSpec;
import org.batchsweep.spec.GridSpec;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.store.SweepRow;

/**
 * The report's {@code index.html}: one self-contained page (inline CSS, no script, no external
 * resource) that reads top to bottom for someone new to the sweep — what was run, the answer, the
 * target line, the diagnoses, the figures, then the tables and the spec to dig further.
 */
final class ReportPage {

  /** A link to one table's partition of this sweep, relative to the page. */
  record TableLink(String table, String href, String what) {}

  /** A figure's files, relative to the page. */
  record FigureFiles(Figure figure, String png, String svg) {}

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final StringBuilder html = new StringBuilder();

  private ReportPage() {}

  /**
   * @param out the output folder as a user would pass it to {@code --out}
   */
  static String render(
      ReportData data,
      List<String> answer,
      List<FigureFiles> figures,
      List<TableLink> tables,
      String out) {
    return new ReportPage().page(data, answer, figures, tables, out);
  }

  private String page(
      ReportData data,
      List<String> answer,
      List<FigureFiles> figures,
      List<TableLink> tables,
      String out) {
    SweepRow sweep = data.sweep();
    html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(sweep.name()))
        .append(" · ")
        .append(esc(data.sweepId()))
        .append(" · batchsweep</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");

    html.append("<header>\n<p class=\"kicker\">batchsweep report</p>\n<h1>")
        .append(esc(sweep.name()));
    if (!data.sweepId().equals(sweep.name())) {
      html.append(" <span class=\"id\">sweep ").append(esc(data.sweepId())).append("</span>");
    }
    html.append("</h1>\n<p class=\"meta\">")
        .append(String.format(Locale.ROOT, "%,d runs", sweep.runs() == null ? 0 : sweep.runs()));
    if (sweep.createdAt() != null) {
      html.append(" · started ").append(WHEN.format(sweep.createdAt().toInstant()));
    }
    if (sweep.wallSeconds() != null) {
      html.append(String.format(Locale.ROOT, " · %.1f s", sweep.wallSeconds()));
    }
    html.append(" on <code>")
        .append(esc(sweep.master()))
        .append("</code> · Spark ")
        .append(esc(sweep.sparkVersion()))
        .append("</p>\n");
    if (!"complete".equals(sweep.status())) {
      html.append("<p class=\"warning\">This sweep's status is <b>")
          .append(esc(String.valueOf(sweep.status())))
          .append(
              "</b>: it did not finish writing its tables, so what follows may be incomplete.</p>\n");
    }
    html.append("</header>\n");

    nav(answer, figures, !data.diagnoses().groups().isEmpty());
    experiment(data);
    if (!answer.isEmpty()) {
      html.append("<section id=\"answer\" class=\"answer\">\n<h2>In plain words</h2>\n");
      answer.forEach(p -> html.append("<p>").append(esc(p)).append("</p>\n"));
      html.append("</section>\n");
    }
    reference(data);
    if (!data.diagnoses().groups().isEmpty()) {
      diagnoses(data.diagnoses());
    }
    if (!figures.isEmpty()) {
      html.append("<section id=\"figures\">\n<h2>Figures</h2>\n");
      if (figures.size() > 1) {
        html.append("<ol class=\"figlist\">");
        figures.forEach(
            f ->
                html.append("<li><a href=\"#")
                    .append(esc(f.figure().name()))
                    .append("\">")
                    .append(esc(f.figure().title()))
                    .append("</a></li>"));
        html.append("</ol>\n");
      }
      figures.forEach(this::figure);
      html.append("</section>\n");
    }
    tables(data, tables, out);
    html.append(
            "<section id=\"spec\">\n<h2>The spec</h2>\n<p>The effective spec of this sweep (file, defaults and")
        .append(
            " <code>--set</code> overrides merged), as stored in <code>sweeps.spec</code>. Save it to a file")
        .append(" and pass it to <code>./submit run</code> to run the sweep again.</p>\n<pre>")
        .append(esc(sweep.spec()))
        .append("</pre>\n</section>\n");
    html.append(
            "<footer>Made by <code>./submit report</code> from this sweep's tables alone, without")
        .append(
            " retraining. Works offline: every file it shows is in this folder or in the tables folder.</footer>\n")
        .append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private void nav(List<String> answer, List<FigureFiles> figures, boolean diagnoses) {
    html.append("<nav><a href=\"#experiment\">What was run</a>");
    if (!answer.isEmpty()) {
      html.append("<a href=\"#answer\">In plain words</a>");
    }
    html.append("<a href=\"#reference\">The target</a>");
    if (diagnoses) {
      html.append("<a href=\"#diagnoses\">Diagnoses</a>");
    }
    if (!figures.isEmpty()) {
      html.append("<a href=\"#figures\">Figures</a>");
    }
    html.append("<a href=\"#tables\">Tables</a><a href=\"#spec\">Spec</a></nav>\n");
  }

  private void experiment(ReportData data) {
    html.append("<section id=\"experiment\">\n<h2>What was run</h2>\n");
    SweepSpec spec = data.spec();
    if (spec == null) {
      html.append(
          "<p>This build cannot read the stored spec; it is shown as text <a href=\"#spec\">below</a>.</p>\n");
    } else {
      DataSpec d = spec.data();
      int features = data.reference() == null ? 1 : data.reference().features();
      html.append(
              features == 1
                  ? "<p>Every run trains one linear neuron, <i>y</i> = <i>w</i>·<i>x</i> + <i>b</i>, by mini-batch"
                  : "<p>Every run trains one linear neuron on "
                      + features
                      + " features, <i>y</i> = <b>w</b>ᵀ<b>x</b> + <i>b</i> (PyTorch's <code>nn.Linear("
                      + features
                      + ", 1)</code>), by mini-batch")
          .append(" gradient descent on ");
      if (d.kind() == DataSpec.DataKind.LINEAR) {
        html.append(
                String.format(
                    Locale.ROOT,
                    "%,d generated points, <i>y</i> = <b>w</b>ᵀ<b>x</b> + %s with <b>w</b> = %s,"
                        + " each feature uniform on [%s, %s] times its scale %s,",
                    d.n(),
                    Labels.number(d.intercept()),
                    d.weights(),
                    Labels.number(d.xMin()),
                    Labels.number(d.xMax()),
                    d.featureScales() == null ? "(all 1)" : d.featureScales().toString()))
            .append(" and Gaussian noise of standard deviation ")
            .append(Labels.number(d.noise()));
      } else if (d.kind() == DataSpec.DataKind.LINE) {
        html.append(
                String.format(Locale.ROOT, "%,d points on the line <i>y</i> = %s", d.n(), line(d)))
            .append(" with <i>x</i> evenly spaced from ")
            .append(Labels.number(d.xMin()))
            .append(" to ")
            .append(Labels.number(d.xMax()))
            .append(" and Gaussian noise of standard deviation ")
            .append(Labels.number(d.noise()));
      } else {
        html.append("the points of <code>")
            .append(esc(d.path()))
            .append("</code> (")
            .append(d.kind().label())
            .append(")");
      }
      html.append(", for ")
          .append(
              spec.grid().epochs().isEmpty()
                  ? spec.train().epochs() + " epochs"
                  : "a number of epochs")
          .append(" in ")
          .append(spec.train().precision().label())
          .append(", starting from ")
          .append(
              spec.train().init().isKaiming()
                  ? "PyTorch's default random initial values (one draw per seed)"
                  : "<code>" + esc(spec.train().init().describe()) + "</code>")
          .append(
              ". The sweep crosses these settings, one run for each combination:</p>\n<ul class=\"axes\">\n");
      GridSpec g = spec.grid();
      axis("batch size", g.batchSize(), true);
      html.append("<li><b>data order</b>: ")
          .append(
              String.join(
                  ", ",
                  g.shuffle().stream()
                      .map(s -> s ? "reshuffled every epoch" : "fixed order")
                      .toList()))
          .append("</li>\n");
      axis("loss", g.loss().stream().map(ReportPage::lossLabel).toList(), false);
      axis("optimizer", g.optimizer(), false);
      axis("learning rate", g.lr(), true);
      if (g.optimizer().contains("sgd") || g.momentum().size() > 1) {
        axis("momentum", g.momentum(), true);
      }
      if (!g.epochs().isEmpty()) {
        axis("epochs", g.epochs(), true);
      }
      if (g.scale().size() > 1 || g.scale().get(0) != Scale.NONE) {
        axis(
            "features (scale)",
            g.scale().stream().map(sc -> sc == Scale.NONE ? "as given" : "standardized").toList(),
            false);
      }
      axis("replicate seed (initial values and shuffling)", g.seed(), true);
      html.append("</ul>\n");
    }
    html.append("</section>\n");
  }

  // "−4·x", "2·x + 0.5", "−4·x − 1": the data's true line.
  private static String line(DataSpec d) {
    String text = signed(d.slope()) + "·<i>x</i>";
    if (d.intercept() != 0) {
      text += (d.intercept() < 0 ? " − " : " + ") + Labels.number(Math.abs(d.intercept()));
    }
    return text;
  }

  /** The slope, or the weights (at most 10 written; the reference table holds them all). */
  private static String weights(Reference ref) {
    if (ref.features() == 1) {
      return Labels.fixed(ref.slope(), 4);
    }
    StringBuilder text = new StringBuilder("[");
    for (int j = 0; j < Math.min(10, ref.features()); j++) {
      text.append(j == 0 ? "" : ", ").append(Labels.significant(ref.weight(j), 4));
    }
    return text.append(ref.features() > 10 ? ", …]" : "]").toString();
  }

  private static String signed(double value) {
    return (value < 0 ? "−" : "") + Labels.number(Math.abs(value));
  }

  private static String lossLabel(Loss loss) {
    return switch (loss) {
      case MSE -> "<code>mse</code> (the correct mean squared error)";
      case MSE_BROADCAST ->
          "<code>mse-broadcast</code> (the original code's shape mistake: every prediction compared with"
              + " every target of its batch)";
    };
  }

  private void axis(String title, List<?> values, boolean numeric) {
    html.append("<li><b>").append(title).append("</b>: ");
    if (numeric && values.size() > 6) {
      List<Double> sorted = values.stream().map(v -> ((Number) v).doubleValue()).sorted().toList();
      html.append(values.size())
          .append(" values from ")
          .append(Labels.readable(sorted.get(0)))
          .append(" to ")
          .append(Labels.readable(sorted.get(sorted.size() - 1)));
    } else {
      List<String> texts = new ArrayList<>();
      for (Object v : values) {
        texts.add(
            v instanceof Double d
                ? Labels.readable(d)
                : numeric ? esc(String.valueOf(v)) : String.valueOf(v));
      }
      html.append(String.join(", ", texts));
    }
    html.append("</li>\n");
  }

  private void reference(ReportData data) {
    Reference ref = data.reference();
    html.append("<section id=\"reference\">\n<h2>The target: the least-squares ")
        .append(ref == null || ref.features() == 1 ? "line" : "fit")
        .append("</h2>\n");
    if (ref == null) {
      html.append("<p>The sweep stopped before its reference line was fitted.</p>\n</section>\n");
      return;
    }
    html.append("<p>Spark MLlib solves least squares for the training points in closed form (")
        .append("<code>")
        .append(esc(ref.method()))
        .append("</code>). That ")
        .append(ref.features() == 1 ? "line" : "fit")
        .append(" is the best any run can reach,")
        .append(
            " so every run is compared with it.</p>\n<table class=\"numbers\">\n<tr><th>"
                + (ref.features() == 1 ? "slope" : "weights")
                + "</th><th>intercept</th>")
        .append("<th>train MSE</th><th>validation MSE</th><th>r²</th></tr>\n<tr>")
        .append(td(weights(ref)))
        .append(td(Labels.fixed(ref.intercept(), 4)))
        .append(td(Labels.significant(ref.trainMse(), 4)))
        .append(td(Labels.significant(ref.validationMse(), 4)))
        .append(td(Labels.fixed(ref.r2(), 4)))
        .append("</tr>\n</table>\n");
    if (data.spec() != null) {
      html.append(
              ref.features() == 1
                  ? "<p>A run <b>converged</b> when its final slope is within "
                  : "<p>A run <b>converged</b> when each of its final weights is within ")
          .append(Labels.number(data.spec().converged().slopeTol()))
          .append(
              ref.features() == 1
                  ? " of the reference slope and its"
                  : " of the reference's and its")
          .append(" intercept within ")
          .append(Labels.number(data.spec().converged().interceptTol()))
          .append(
              " of the reference intercept. The train MSE above is the noise floor: no line does better.</p>\n");
    }
    html.append("</section>\n");
  }

  private void diagnoses(DiagnosisTable table) {
    html.append("<section id=\"diagnoses\">\n<h2>Diagnoses by batch size</h2>\n")
        .append(
            "<p>Why each run ended where it did, counted per loss, data order and batch-size band. A cell")
        .append(
            " gives the runs with that diagnosis and, below, their share of the band's runs; the")
        .append(
            " stronger the colour, the larger the share.</p>\n<div class=\"scroll\"><table class=\"diagnoses\">\n")
        .append("<tr><th>loss</th><th>data order</th><th>diagnosis</th>");
    for (Band band : table.bands()) {
      html.append("<th class=\"n\">").append(esc(band.label().replace('-', '–'))).append("</th>");
    }
    html.append("<th class=\"n\">all</th></tr>\n");
    for (DiagnosisTable.Group group : table.groups()) {
      boolean first = true;
      for (DiagnosisTable.Line line : group.lines()) {
        html.append(first ? "<tr class=\"group\">" : "<tr>");
        if (first) {
          int span = group.lines().size();
          html.append("<th rowspan=\"")
              .append(span)
              .append("\"><code>")
              .append(esc(group.loss()))
              .append("</code></th>")
              .append("<th rowspan=\"")
              .append(span)
              .append("\">")
              .append(Labels.shuffle(group.shuffle()))
              .append("</th>");
          first = false;
        }
        String color = Palette.hex(Palette.diagnosis(line.diagnosis()));
        html.append("<td class=\"diagnosis\"><span class=\"chip\" style=\"background:")
            .append(color)
            .append("\"></span>")
            .append(esc(line.diagnosis()))
            .append("</td>");
        for (int b = 0; b < table.bands().size(); b++) {
          html.append(countCell(line.runs()[b], group.runs()[b], color));
        }
        html.append(countCell(line.total(), group.total(), color)).append("</tr>\n");
      }
    }
    html.append("</table></div>\n<dl class=\"glossary\">\n");
    for (Diagnosis d : Diagnosis.values()) {
      html.append("<dt><span class=\"chip\" style=\"background:")
          .append(Palette.hex(Palette.diagnosis(d.label())))
          .append("\"></span>")
          .append(d.label())
          .append("</dt><dd>")
          .append(esc(Diagnoses.meaning(d)))
          .append("</dd>\n");
    }
    html.append("</dl>\n</section>\n");
  }

  private static String countCell(long count, long of, String color) {
    if (count == 0) {
      return "<td class=\"n zero\">·</td>";
    }
    double share = of == 0 ? 0 : (double) count / of;
    int alpha = (int) Math.round(20 + 150 * share);
    return String.format(
        Locale.ROOT,
        "<td class=\"n\" style=\"background:%s%02x\">%d<small>%.0f%%</small></td>",
        color,
        alpha,
        count,
        100 * share);
  }

  private void figure(FigureFiles files) {
    Figure f = files.figure();
    html.append("<figure id=\"")
        .append(esc(f.name()))
        .append("\">\n<h3>")
        .append(esc(f.title()))
        .append("</h3>\n")
        .append("<img src=\"")
        .append(esc(files.png()))
        .append("\" width=\"")
        .append(f.width())
        .append("\" height=\"")
        .append(f.height())
        .append("\" alt=\"")
        .append(esc(f.title()))
        .append("\">\n")
        .append("<figcaption>")
        .append(esc(f.caption()));
    html.append(" <span class=\"files\">");
    if (files.svg() != null) {
      html.append("<a href=\"").append(esc(files.svg())).append("\">SVG</a> · ");
    }
    html.append("<a href=\"")
        .append(esc(files.png()))
        .append("\">PNG</a></span></figcaption>\n</figure>\n");
  }

  private void tables(ReportData data, List<TableLink> tables, String out) {
    html.append("<section id=\"tables\">\n<h2>The tables behind this report</h2>\n")
        .append(
            "<p>Everything above comes from these Parquet folders (this sweep's partition of each table):</p>\n<ul>\n");
    for (TableLink t : tables) {
      html.append("<li><a href=\"")
          .append(esc(t.href()))
          .append("\"><code>")
          .append(esc(t.table()))
          .append("</code></a> — ")
          .append(esc(t.what()))
          .append("</li>\n");
    }
    html.append(
            "</ul>\n<p>Query them with Spark SQL; each table is a view of the same name:</p>\n<pre>./submit sql \"")
        .append(
            esc(
                "SELECT batch_size, shuffle, slope, diagnosis, detail\n    FROM runs WHERE sweep_id = '"
                    + data.sweepId()
                    + "' AND loss = 'mse' ORDER BY batch_size LIMIT 20"))
        .append("\" \\\n  --out ")
        .append(esc(out))
        .append("</pre>\n")
        .append("<p>and rebuild this page with <code>./submit report --out ")
        .append(esc(out))
        .append(" --sweep-id ")
        .append(esc(data.sweepId()))
        .append("</code>.</p>\n</section>\n");
  }

  private static String td(String text) {
    return "<td>" + esc(text) + "</td>";
  }

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String CSS =
      """
      :root { --ink: #222; --muted: #666; --line: #e2e2e2; --accent: #0072b2; --paper: #fff; }
      * { box-sizing: border-box; }
      body { margin: 0; background: #f6f6f4; color: var(--ink);
        font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
      main { max-width: 940px; margin: 0 auto; padding: 28px 32px 40px; background: var(--paper); }
      header { border-bottom: 1px solid var(--line); padding-bottom: 8px; }
      .kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); }
      h1 { margin: 4px 0 2px; font-size: 30px; line-height: 1.2; }
      h1 .id { font-weight: normal; color: var(--muted); font-size: 18px; margin-left: 6px; }
      .meta { margin: 4px 0 8px; color: var(--muted); font-size: 14px; }
      .warning { background: #fff3cd; border: 1px solid #f0d98c; padding: 8px 12px; border-radius: 4px; }
      nav { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 10px 0; border-bottom: 1px solid var(--line);
        font-size: 14px; }
      a { color: var(--accent); text-decoration: none; }
      a:hover { text-decoration: underline; }
      h2 { margin: 32px 0 8px; font-size: 22px; }
      h3 { margin: 0 0 8px; font-size: 17px; }
      section > p { max-width: 46em; }
      code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13.5px; }
      pre { background: #f4f4f2; border: 1px solid var(--line); border-radius: 4px; padding: 12px 14px;
        overflow-x: auto; line-height: 1.45; }
      ul.axes { padding-left: 22px; }
      ul.axes li { margin: 2px 0; }
      .answer { background: #eef6fb; border-left: 4px solid var(--accent); padding: 2px 20px 6px;
        margin-top: 28px; }
      .answer h2 { margin-top: 14px; }
      table { border-collapse: collapse; font-size: 14px; }
      th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: middle; }
      th { font-weight: 600; background: #fafafa; }
      table.numbers td { font-variant-numeric: tabular-nums; }
      .scroll { overflow-x: auto; }
      /* Narrow count cells: the seed's five bands and its total fit the page without scrolling. */
      table.diagnoses td.n, table.diagnoses th.n { text-align: center; min-width: 56px; padding: 5px 6px; white-space: nowrap; }
      table.diagnoses th[rowspan] { white-space: nowrap; }
      table.diagnoses td.n { font-variant-numeric: tabular-nums; line-height: 1.15; }
      table.diagnoses td.n small { display: block; font-size: 11px; color: #444; }
      table.diagnoses td.zero { color: #bbb; }
      table.diagnoses tr.group > * { border-top: 2px solid #cfcfcf; }
      table.diagnoses td.diagnosis { white-space: nowrap; }
      .chip { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 7px;
        vertical-align: -1px; }
      dl.glossary { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; font-size: 14px;
        margin-top: 14px; }
      dl.glossary dt { font-weight: 600; white-space: nowrap; }
      dl.glossary dd { margin: 0; color: #333; }
      ol.figlist { font-size: 14px; padding-left: 22px; margin: 4px 0 8px; }
      figure { margin: 22px 0 30px; }
      figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); }
      figcaption { margin-top: 8px; font-size: 14px; color: #333; max-width: 52em; }
      figcaption .files { white-space: nowrap; margin-left: 4px; }
      footer { margin-top: 36px; padding-top: 12px; border-top: 1px solid var(--line); font-size: 13px;
        color: var(--muted); }
      """;
}
