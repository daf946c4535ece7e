package org.batchsweep.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.batchsweep.answer.BatchScaling;
import org.batchsweep.answer.CriticalBatchAnswer;
import org.batchsweep.report.Legend.Entry;
import org.batchsweep.report.Legend.Style;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Steps to target against batch size, log-log, one panel per setting (per optimizer in {@code
 * critical.yaml}): the median over seeds at the best lr per batch size, the fitted S_min·(1 +
 * B_crit/B), the perfect-scaling line E_min/B it approaches at small batches, and the predicted
 * B_noise and fitted B_crit as vertical lines.
 */
final class ScalingFigure {

  static final String NAME = "steps-to-target";
  static final String MEASURED = "median steps to target (best lr)";
  static final String FITTED = "fit S_min(1 + B_crit/B)";
  static final String PERFECT = "perfect scaling E_min/B";
  static final String B_NOISE = "predicted B_noise";
  static final String B_CRIT = "fitted B_crit";
  private static final int WIDTH = 860;
  private static final int PANEL_HEIGHT = 300;
  private static final int MAX_MARKERS = 60;

  private ScalingFigure() {}

  /** The figure, or null when no setting has a measured point. */
  static Figure of(BatchScaling scaling) {
    List<Figure.Panel> panels = new ArrayList<>();
    for (BatchScaling.Setting s : scaling.settings()) {
      if (!s.batchSizes().isEmpty()) {
        panels.add(new Figure.Panel(panel(s, scaling.bNoiseHalfway()), PANEL_HEIGHT));
      }
    }
    if (panels.isEmpty()) {
      return null;
    }
    List<Entry> legend =
        List.of(
            new Entry(MEASURED, Palette.BLUE, Style.LINE),
            new Entry(FITTED, Palette.ORANGE, Style.LINE),
            new Entry(PERFECT, Palette.GREY, Style.DASHED),
            new Entry(B_NOISE, Palette.VERMILLION, Style.DOTTED),
            new Entry(B_CRIT, Palette.GREEN, Style.DOTTED));
    return new Figure(
        NAME,
        "Steps to target against batch size: measured critical batch size and predicted B_noise",
        "Each point is the median over seeds of the steps after which runs stayed within tolerance,"
            + " at the learning rate that needed fewest for that batch size. Below B_crit doubling the"
            + " batch halves the steps (the dashed line); above it, extra examples per step buy"
            + " little. B_noise is the exact gradient noise scale of the data halfway to the line.",
        WIDTH,
        panels,
        new Legend(legend));
  }

  private static XYChart panel(BatchScaling.Setting s, double bNoise) {
    String title =
        s.fitted() && !Double.isNaN(s.bCrit())
            ? String.format(
                java.util.Locale.ROOT,
                "%s: B_crit ≈ %s, S_min ≈ %s",
                s.label(),
                CriticalBatchAnswer.number(s.bCrit()),
                CriticalBatchAnswer.number(s.sMin()))
            : s.label() + ": " + s.note();
    XYChart chart = Charts.xy(title, "batch size", "steps to target");
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    int k = s.batchSizes().size();
    double[] b = new double[k];
    double[] steps = new double[k];
    for (int i = 0; i < k; i++) {
      b[i] = s.batchSizes().get(i);
      steps[i] = Math.max(1, s.steps().get(i));
    }
    double lowB = Math.min(b[0], Double.isFinite(bNoise) && bNoise > 0 ? bNoise : b[0]) / 1.5;
    double highB = b[k - 1] * 1.5;
    double lowS = Double.POSITIVE_INFINITY;
    double highS = 0;
    for (double v : steps) {
      lowS = Math.min(lowS, v);
      highS = Math.max(highS, v);
    }
    if (s.fitted() && !Double.isNaN(s.bCrit())) {
      int m = 60;
      double[] grid = new double[m];
      double[] fit = new double[m];
      double[] perfect = new double[m];
      for (int i = 0; i < m; i++) {
        grid[i] = lowB * Math.pow(highB / lowB, i / (double) (m - 1));
        fit[i] = s.sMin() * (1 + s.bCrit() / grid[i]);
        perfect[i] = s.eMin() / grid[i];
      }
      highS = Math.max(highS, fit[0]);
      lowS = Math.min(lowS, s.sMin());
      Charts.dashed(chart, PERFECT, grid, perfect, Palette.GREY);
      Charts.line(chart, FITTED, grid, fit, Palette.ORANGE);
      vertical(chart, B_CRIT, s.bCrit(), lowS, highS, Palette.GREEN);
    }
    if (Double.isFinite(bNoise) && bNoise > 0) {
      vertical(chart, B_NOISE, bNoise, lowS, highS, Palette.VERMILLION);
    }
    XYSeries measured = Charts.line(chart, MEASURED, b, steps, Palette.BLUE);
    if (k <= MAX_MARKERS) {
      // Each measured batch size as a dot; a dense grid is a line alone.
      measured.setMarker(SeriesMarkers.CIRCLE);
      chart.getStyler().setMarkerSize(7);
    }
    chart.getStyler().setXAxisMin(lowB);
    chart.getStyler().setXAxisMax(highB);
    chart.getStyler().setYAxisMin(lowS / 1.5);
    chart.getStyler().setYAxisMax(highS * 1.5);
    return chart;
  }

  private static void vertical(
      XYChart chart, String name, double x, double low, double high, Color color) {
    Charts.dotted(chart, name, new double[] {x, x}, new double[] {low / 1.5, high * 1.5}, color);
  }
}
