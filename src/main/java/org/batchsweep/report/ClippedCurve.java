package org.batchsweep.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.batchsweep.report.BatchSizeCurves.Spread;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One line of a batch-size panel, drawn within an {@link AxisRange}: the seeds' median as a solid
 * line over their min–max band (clamped to the range), and every point whose median is off the
 * scale or non-finite as a triangle at the panel's edge (up: above or non-finite, down: below).
 *
 * <p>Series names: {@code LABEL} (median; off-scale points are NaN, so the line breaks there),
 * {@code LABEL (min–max)}, {@code LABEL (above)} and {@code LABEL (below)}.
 */
final class ClippedCurve {

  static final String ABOVE = " (above)";
  static final String BELOW = " (below)";
  static final int MARKER_SIZE = 9;

  private ClippedCurve() {}

  /**
   * @param x batch sizes
   * @param spreads the seeds' spread at each batch size
   * @param counted whether a point has runs at all (a point with none is left out, not marked)
   * @param range null: draw as is (the axis scales itself)
   * @return how many points were marked off scale
   */
  static int draw(
      XYChart chart,
      String label,
      double[] x,
      List<Spread> spreads,
      boolean[] counted,
      AxisRange range,
      Color color,
      boolean logScale) {
    List<double[]> band = new ArrayList<>();
    double[] median = new double[x.length];
    List<Double> aboveX = new ArrayList<>();
    List<Double> belowX = new ArrayList<>();
    List<Double> aboveY = new ArrayList<>();
    List<Double> belowY = new ArrayList<>();
    int drawn = 0;
    for (int i = 0; i < x.length; i++) {
      Spread s = spreads.get(i);
      double m = usable(s.median(), logScale);
      if (range != null && counted[i] && range.offScale(m)) {
        median[i] = Double.NaN;
        if (Double.isFinite(m) && m < range.lo()) {
          belowX.add(x[i]);
          belowY.add(range.edge(m));
        } else {
          aboveX.add(x[i]);
          aboveY.add(range.edge(Double.isFinite(m) ? m : Double.POSITIVE_INFINITY));
        }
        continue;
      }
      median[i] = m;
      if (Double.isFinite(m)) {
        drawn++;
      }
      double lo = usable(s.min(), logScale);
      double hi = usable(s.max(), logScale);
      if (Double.isFinite(lo) && Double.isFinite(hi)) {
        band.add(
            new double[] {
              x[i], range == null ? lo : range.clamp(lo), range == null ? hi : range.clamp(hi)
            });
      }
    }
    if (!band.isEmpty()) {
      Charts.band(
          chart, label + " (min–max)", column(band, 0), column(band, 1), column(band, 2), color);
    }
    if (drawn > 0) {
      if (range == null) {
        // Without a fixed range the axis scales itself, so points with no value are left out.
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
          if (Double.isFinite(median[i])) {
            kept.add(new double[] {x[i], median[i]});
          }
        }
        Charts.line(chart, label, column(kept, 0), column(kept, 1), color);
      } else {
        // A fixed range: a NaN breaks the line where a point is off the scale.
        Charts.line(chart, label, x, median, color);
      }
    }
    marks(chart, label + ABOVE, aboveX, aboveY, color, SeriesMarkers.TRIANGLE_UP);
    marks(chart, label + BELOW, belowX, belowY, color, SeriesMarkers.TRIANGLE_DOWN);
    return aboveX.size() + belowX.size();
  }

  // On a log axis only positive values can be drawn.
  private static double usable(double v, boolean logScale) {
    return logScale && !(v > 0) ? Double.NaN : v;
  }

  private static void marks(
      XYChart chart,
      String name,
      List<Double> x,
      List<Double> y,
      Color color,
      org.knowm.xchart.style.markers.Marker marker) {
    if (x.isEmpty()) {
      return;
    }
    chart.getStyler().setMarkerSize(MARKER_SIZE);
    XYSeries series =
        chart.addSeries(
            name,
            x.stream().mapToDouble(Double::doubleValue).toArray(),
            y.stream().mapToDouble(Double::doubleValue).toArray());
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    series.setMarker(marker);
    series.setMarkerColor(color);
    series.setShowInLegend(false);
  }

  private static double[] column(List<double[]> rows, int i) {
    return rows.stream().mapToDouble(r -> r[i]).toArray();
  }
}
