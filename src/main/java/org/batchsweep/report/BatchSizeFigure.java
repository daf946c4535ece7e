package org.batchsweep.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.batchsweep.core.Reference;
import org.batchsweep.report.BatchSizeCurves.Point;
import org.batchsweep.report.BatchSizeCurves.Spread;
import org.batchsweep.report.Legend.Entry;
import org.batchsweep.report.Legend.Style;
import org.knowm.xchart.XYChart;

/**
 * The seed's figure for one loss: final slope, final intercept and final train loss (log scale)
 * against batch size, stacked, one colour per line (shuffle setting), the seeds' median as a solid
 * line over their min–max band, the MLlib reference dashed and, when the tables have it, the
 * minimiser of the objective the runs actually optimised dotted.
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

    XYChart slope =
        panel("loss " + loss, "final " + Labels.firstQuantity(reference), false, axisMin, maxB);
    XYChart intercept = panel(null, "final intercept", false, axisMin, maxB);
    XYChart trainMse = panel(null, "final train MSE (log scale)", true, axisMin, maxB);
    trainMse.getStyler().setYAxisLogarithmic(true);
    trainMse.getStyler().setXAxisTitleVisible(true);

    // Exploded values never set an axis: each panel keeps its own scale unless a value lies far
    // outside what sensible runs reach; then the axis is fixed and those points are marked.
    AxisRange slopeRange = RobustAxes.slope(points, reference);
    AxisRange interceptRange = RobustAxes.intercept(points, reference);
    AxisRange mseRange = RobustAxes.trainMse(points, reference, slopeRange, interceptRange);
    AxisRange slopeClip = clipping(slope, slopeRange, points, Point::slope);
    AxisRange interceptClip = clipping(intercept, interceptRange, points, Point::intercept);
    AxisRange mseClip = clipping(trainMse, mseRange, points, Point::trainMse);

    List<Entry> legend = new ArrayList<>();
    int offScale = 0;
    for (Map.Entry<String, List<Point>> e : byLine.entrySet()) {
      String line = e.getKey();
      Color color = Palette.line(lines.indexOf(line));
      List<Point> ps = e.getValue();
      double[] x = ps.stream().mapToDouble(Point::batchSize).toArray();
      boolean[] counted = new boolean[ps.size()];
      java.util.Arrays.fill(counted, true);
      offScale +=
          ClippedCurve.draw(
              slope,
              line,
              x,
              ps.stream().map(Point::slope).toList(),
              counted,
              slopeClip,
              color,
              false);
      offScale +=
          ClippedCurve.draw(
              intercept,
              line,
              x,
              ps.stream().map(Point::intercept).toList(),
              counted,
              interceptClip,
              color,
              false);
      offScale +=
          ClippedCurve.draw(
              trainMse,
              line,
              x,
              ps.stream().map(Point::trainMse).toList(),
              counted,
              mseClip,
              color,
              true);
      if (objective) {
        dotted(slope, line, ps, Point::objectiveSlope, color, slopeClip);
        dotted(intercept, line, ps, Point::objectiveIntercept, color, interceptClip);
      }
      long seeds = ps.stream().mapToLong(Point::runs).max().orElse(0);
      legend.add(
          new Entry(
              line + " (median of " + seeds + (seeds == 1 ? " seed)" : " seeds)"),
              color,
              Style.LINE));
    }
    double[] ends = {minB, maxB};
    Charts.dashed(
        slope,
        REFERENCE,
        ends,
        new double[] {Labels.firstTarget(reference), Labels.firstTarget(reference)},
        Palette.INK);
    Charts.dashed(
        intercept,
        REFERENCE,
        ends,
        new double[] {reference.intercept(), reference.intercept()},
        Palette.INK);
    Charts.dashed(
        trainMse,
        REFERENCE,
        ends,
        new double[] {reference.trainMse(), reference.trainMse()},
        Palette.INK);

    legend.add(new Entry("min–max over seeds", Palette.GREY, Style.BAND));
    legend.add(new Entry("MLlib least-squares line (the target)", Palette.INK, Style.DASHED));
    if (objective) {
      legend.add(new Entry("minimiser of the loss the runs optimise", Palette.GREY, Style.DOTTED));
    }
    if (offScale > 0) {
      legend.add(
          new Entry("median off the scale (exploded or non-finite)", Palette.GREY, Style.TRIANGLE));
    }
    return new Figure(
        fileName(loss),
        "Final slope, intercept and train loss against batch size — loss " + loss,
        caption(loss, points, objective, offScale),
        WIDTH,
        List.of(
            new Figure.Panel(slope, PANEL_HEIGHT),
            new Figure.Panel(intercept, PANEL_HEIGHT),
            new Figure.Panel(trainMse, BOTTOM_PANEL_HEIGHT)),
        new Legend(legend));
  }

  /** The range to clip a panel to (its y axis fixed to it), or null when nothing needs clipping. */
  private static AxisRange clipping(
      XYChart chart,
      AxisRange range,
      List<Point> points,
      java.util.function.Function<Point, Spread> metric) {
    if (!RobustAxes.clips(range, points, metric)) {
      return null;
    }
    range.apply(chart);
    return range;
  }

  private static XYChart panel(
      String title, String yTitle, boolean bottom, double axisMin, double axisMax) {
    XYChart chart = Charts.xy(title, "batch size", yTitle);
    chart.getStyler().setXAxisTitleVisible(bottom);
    chart.getStyler().setXAxisMin(axisMin);
    chart.getStyler().setXAxisMax(axisMax);
    return chart;
  }

  private static void dotted(
      XYChart chart,
      String line,
      List<Point> ps,
      ToDoubleFunction<Point> metric,
      Color color,
      AxisRange range) {
    List<double[]> kept = new ArrayList<>();
    for (Point p : ps) {
      double v = metric.applyAsDouble(p);
      if (Double.isFinite(v) && (range == null || range.contains(v))) {
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

  private static String caption(String loss, List<Point> points, boolean objective, int offScale) {
    long nonFinite = points.stream().mapToLong(Point::nonFinite).sum();
    StringBuilder text = new StringBuilder();
    text.append("Every run of loss ")
        .append(loss)
        .append(" ends at one slope and intercept. Each colour is one")
        .append(
            " setting of the data order; the solid line is the median over the replicate seeds and")
        .append(
            " the shaded band spans their minimum to maximum. The dashed line is what a perfectly")
        .append(" converged run reaches: the least-squares line MLlib computes in closed form.");
    if (objective) {
      text.append(
              " The dotted line is the minimiser of the loss the runs actually optimise: where a")
          .append(
              " run sits on it rather than on the dashed line, it converged — to the wrong objective.");
    }
    if (nonFinite > 0) {
      text.append(' ')
          .append(nonFinite)
          .append(nonFinite == 1 ? " run" : " runs")
          .append(" ended with non-finite parameters (diverged) and are not drawn.");
    }
    if (offScale > 0) {
      text.append(' ')
          .append(offScale)
          .append(offScale == 1 ? " median lies" : " medians lie")
          .append(
              " far off the scale sensible runs reach (exploded, or no finite run at all); each is a")
          .append(" triangle at the panel's edge, so it cannot flatten the other lines.");
    }
    return text.toString();
  }
}
