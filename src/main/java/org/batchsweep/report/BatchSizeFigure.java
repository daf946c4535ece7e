package org.batchsweep.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.batchsweep.reference.Reference;
import org.batchsweep.report.BatchSizeCurves.Point;
import org.batchsweep.report.BatchSizeCurves.Spread;
import org.batchsweep.report.Legend.Entry;
import org.batchsweep.report.Legend.Style;
import org.knowm.xchart.XYChart;

/**
 * The seed's figure for one loss: final slope, final intercept and final train loss (log scale)
 * against batch size, stacked, one colour per line (shuffle setting), the seeds' median as a
 * solid line over their min–max band, the MLlib reference dashed and, when the tables have it,
 * the minimiser of the objective the runs actually optimised dotted.
 *
 * <p>Series names, for reading the plotted data back: the line's label (e.g. {@code fixed order})
 * for the median, {@code LABEL (min–max)} for the band, {@code LABEL (objective)} for the dotted
 * line and {@link #REFERENCE} for the dashed one. Panels: {@link #SLOPE}, {@link #INTERCEPT},
 * {@link #TRAIN_MSE}.
 */
final class BatchSizeFigure {

  static final int SLOPE = 0;
  static final int INTERCEPT = 1;
  static final int TRAIN_MSE = 2;
  static final String REFERENCE = "MLlib reference";
  static final int WIDTH = 860;
  private static final int PANEL_HEIGHT = 220;
  private static final int BOTTOM_PANEL_HEIGHT = 250;

  private BatchSizeFigure() {}

  static String fileName(String loss) {
    return "batch-size-" + loss.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /**
   * @param points this loss's points, ordered by line and batch size
   * @param lines every line label of the sweep in order, so a line has one colour in all figures
   */
  static Figure of(String loss, List<Point> points, List<String> lines, Reference reference) {
    Map<String, List<Point>> byLine = new LinkedHashMap<>();
    for (Point p : points) {
      byLine.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(p);
    }
    double minB = points.stream().mapToInt(Point::batchSize).min().orElse(1);
    double maxB = points.stream().mapToInt(Point::batchSize).max().orElse(1);
    // An axis from 0 gets round tick marks (0, 100, 200, ...) unless that wastes much of the width.
    double axisMin = minB <= 0.1 * maxB ? 0 : minB;
    boolean objective = points.stream().anyMatch(p -> Double.isFinite(p.objectiveSlope()));

    XYChart slope = panel("loss " + loss, "final slope", false, axisMin, maxB);
    XYChart intercept = panel(null, "final intercept", false, axisMin, maxB);
    XYChart trainMse = panel(null, "final train MSE (log scale)", true, axisMin, maxB);
    trainMse.getStyler().setYAxisLogarithmic(true);
    trainMse.getStyler().setXAxisTitleVisible(true);

    List<Entry> legend = new ArrayList<>();
    for (Map.Entry<String, List<Point>> e : byLine.entrySet()) {
      String line = e.getKey();
      Color color = Palette.line(lines.indexOf(line));
      List<Point> ps = e.getValue();
      plot(slope, line, ps, Point::slope, color, false);
      plot(intercept, line, ps, Point::intercept, color, false);
      plot(trainMse, line, ps, Point::trainMse, color, true);
      if (objective) {
        dotted(slope, line, ps, Point::objectiveSlope, color);
        dotted(intercept, line, ps, Point::objectiveIntercept, color);
      }
      long seeds = ps.stream().mapToLong(Point::runs).max().orElse(0);
      legend.add(new Entry(line + " (median of " + seeds + (seeds == 1 ? " seed)" : " seeds)"), color, Style.LINE));
    }
    double[] ends = {minB, maxB};
    Charts.dashed(slope, REFERENCE, ends, new double[] {reference.slope(), reference.slope()}, Palette.INK);
    Charts.dashed(intercept, REFERENCE, ends, new double[] {reference.intercept(), reference.intercept()}, Palette.INK);
    Charts.dashed(trainMse, REFERENCE, ends, new double[] {reference.trainMse(), reference.trainMse()}, Palette.INK);

    legend.add(new Entry("min–max over seeds", Palette.GREY, Style.BAND));
    legend.add(new Entry("MLlib least-squares line (the target)", Palette.INK, Style.DASHED));
    if (objective) {
      legend.add(new Entry("minimiser of the loss the runs optimise", Palette.GREY, Style.DOTTED));
    }
    return new Figure(
        fileName(loss),
        "Final slope, intercept and train loss against batch size — loss " + loss,
        caption(loss, points, objective),
        WIDTH,
        List.of(
            new Figure.Panel(slope, PANEL_HEIGHT),
            new Figure.Panel(intercept, PANEL_HEIGHT),
            new Figure.Panel(trainMse, BOTTOM_PANEL_HEIGHT)),
        new Legend(legend));
  }

  private static XYChart panel(String title, String yTitle, boolean bottom, double axisMin, double axisMax) {
    XYChart chart = Charts.xy(title, "batch size", yTitle);
    chart.getStyler().setXAxisTitleVisible(bottom);
    chart.getStyler().setXAxisMin(axisMin);
    chart.getStyler().setXAxisMax(axisMax);
    return chart;
  }

  // The median line over its min–max band; points with no finite value (or, on a log axis, no
  // positive one) are left out.
  private static void plot(
      XYChart chart, String line, List<Point> ps, java.util.function.Function<Point, Spread> metric,
      Color color, boolean log) {
    List<double[]> kept = new ArrayList<>();
    for (Point p : ps) {
      Spread s = metric.apply(p);
      if (Double.isFinite(s.median()) && (!log || s.min() > 0)) {
        kept.add(new double[] {p.batchSize(), s.median(), s.min(), s.max()});
      }
    }
    if (kept.isEmpty()) {
      return;
    }
    double[] x = column(kept, 0);
    Charts.band(chart, line + " (min–max)", x, column(kept, 2), column(kept, 3), color);
    Charts.line(chart, line, x, column(kept, 1), color);
  }

  private static void dotted(
      XYChart chart, String line, List<Point> ps, ToDoubleFunction<Point> metric, Color color) {
    List<double[]> kept = new ArrayList<>();
    for (Point p : ps) {
      double v = metric.applyAsDouble(p);
      if (Double.isFinite(v)) {
        kept.add(new double[] {p.batchSize(), v});
      }
    }
    if (!kept.isEmpty()) {
      Charts.dotted(chart, line + " (objective)", column(kept, 0), column(kept, 1), color);
    }
  }

  private static double[] column(List<double[]> rows, int i) {
    return rows.stream().mapToDouble(r -> r[i]).toArray();
  }

  private static String caption(String loss, List<Point> points, boolean objective) {
    long nonFinite = points.stream().mapToLong(Point::nonFinite).sum();
    StringBuilder text = new StringBuilder();
    text.append("Every run of loss ").append(loss).append(" ends at one slope and intercept. Each colour is one")
        .append(" setting of the data order; the solid line is the median over the replicate seeds and")
        .append(" the shaded band spans their minimum to maximum. The dashed line is what a perfectly")
        .append(" converged run reaches: the least-squares line MLlib computes in closed form.");
    if (objective) {
      text.append(" The dotted line is the minimiser of the loss the runs actually optimise: where a")
          .append(" run sits on it rather than on the dashed line, it converged — to the wrong objective.");
    }
    if (nonFinite > 0) {
      text.append(' ').append(nonFinite).append(nonFinite == 1 ? " run" : " runs")
          .append(" ended with non-finite parameters (diverged) and are not drawn.");
    }
    return text.toString();
  }
}
