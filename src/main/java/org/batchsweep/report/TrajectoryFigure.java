package org.batchsweep.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.batchsweep.core.Reference;
import org.batchsweep.report.Legend.Entry;
import org.batchsweep.report.Legend.Style;
import org.batchsweep.report.Trajectories.Path;
import org.knowm.xchart.XYChart;

/**
 * Slope and intercept epoch by epoch for one representative run per diagnosis, coloured by
 * diagnosis, against the dashed reference: shows whether a run settled (and where) or was still
 * moving when training stopped. Series are named by the run's label.
 */
final class TrajectoryFigure {

  static final String NAME = "trajectories";
  static final int SLOPE = 0;
  static final int INTERCEPT = 1;
  private static final int WIDTH = 860;

  private TrajectoryFigure() {}

  static Figure of(List<Path> paths, Reference reference) {
    double last =
        paths.stream()
            .mapToDouble(p -> p.epochs().length == 0 ? 0 : p.epochs()[p.epochs().length - 1])
            .max()
            .orElse(1);
    XYChart slope = Charts.xy("one run per diagnosis", "epoch", Labels.firstQuantity(reference));
    XYChart intercept = Charts.xy(null, "epoch", "intercept");
    slope.getStyler().setXAxisTitleVisible(false);
    // A run that blew up must not set the axes: both are fixed to a range around the reference,
    // the runs' starting points and where the other runs ended, and a path that leaves it stops
    // there with a triangle at the edge.
    AxisRange slopeRange = range(paths, Path::slopes, Labels.firstTarget(reference));
    AxisRange interceptRange = range(paths, Path::intercepts, reference.intercept());
    slopeRange.apply(slope);
    interceptRange.apply(intercept);
    List<Entry> legend = new ArrayList<>();
    boolean marked = false;
    for (Path p : paths) {
      int n = Math.min(inRange(p.slopes(), slopeRange), inRange(p.intercepts(), interceptRange));
      Color color = Palette.diagnosis(p.diagnosis());
      if (n > 0) {
        double[] epochs = Arrays.copyOf(p.epochs(), n);
        Charts.line(slope, p.label(), epochs, Arrays.copyOf(p.slopes(), n), color);
        Charts.line(intercept, p.label(), epochs, Arrays.copyOf(p.intercepts(), n), color);
      }
      if (n < p.epochs().length) {
        // Where it left the scale (or stopped being finite).
        marked |= mark(slope, p.label(), p.epochs()[n], p.slopes()[n], slopeRange, color);
        marked |=
            mark(intercept, p.label(), p.epochs()[n], p.intercepts()[n], interceptRange, color);
      }
      legend.add(new Entry(p.label(), color, Style.LINE));
    }
    double[] ends = {0, Math.max(1, last)};
    Charts.dashed(
        slope,
        BatchSizeFigure.REFERENCE,
        ends,
        new double[] {Labels.firstTarget(reference), Labels.firstTarget(reference)},
        Palette.INK);
    Charts.dashed(
        intercept,
        BatchSizeFigure.REFERENCE,
        ends,
        new double[] {reference.intercept(), reference.intercept()},
        Palette.INK);
    legend.add(new Entry("MLlib least-squares line (the target)", Palette.INK, Style.DASHED));
    if (marked) {
      legend.add(new Entry("where a run left the scale (blew up)", Palette.GREY, Style.TRIANGLE));
    }
    for (XYChart chart : List.of(slope, intercept)) {
      chart.getStyler().setXAxisMin(0.0);
      chart.getStyler().setXAxisMax(ends[1]);
    }
    return new Figure(
        NAME,
        "Trajectories: how representative runs moved, epoch by epoch",
        "For each diagnosis, the run with the median batch size among the runs that got it; epoch 0"
            + " is the initial point. A run that flattens out away from the dashed line settled on"
            + " the wrong point; one still sloping at the last epoch ran out of steps.",
        WIDTH,
        List.of(new Figure.Panel(slope, 240), new Figure.Panel(intercept, 250)),
        new Legend(legend));
  }

  private static AxisRange range(
      List<Path> paths, java.util.function.Function<Path, double[]> values, double reference) {
    List<Double> core = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    core.add(reference);
    for (Path p : paths) {
      double[] v = values.apply(p);
      if (v.length > 0) {
        core.add(v[0]);
        if (!p.diagnosis().equals(org.batchsweep.diagnose.Diagnosis.DIVERGED.label())) {
          core.add(v[v.length - 1]);
        }
      }
      for (double x : v) {
        all.add(x);
      }
    }
    return AxisRange.robust(
        core.stream().mapToDouble(Double::doubleValue).toArray(),
        all.stream().mapToDouble(Double::doubleValue).toArray());
  }

  // How many epochs from the start stay finite and within the range.
  private static int inRange(double[] values, AxisRange range) {
    int n = 0;
    while (n < values.length && !range.offScale(values[n])) {
      n++;
    }
    return n;
  }

  private static boolean mark(
      XYChart chart, String label, double epoch, double value, AxisRange range, Color color) {
    if (!range.offScale(value) || chart.getSeriesMap().containsKey(label + ClippedCurve.ABOVE)) {
      return false;
    }
    boolean below = Double.isFinite(value) && value < range.lo();
    chart.getStyler().setMarkerSize(ClippedCurve.MARKER_SIZE);
    org.knowm.xchart.XYSeries s =
        chart.addSeries(
            label + (below ? ClippedCurve.BELOW : ClippedCurve.ABOVE),
            new double[] {epoch},
            new double[] {range.edge(value)});
    s.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(
        below
            ? org.knowm.xchart.style.markers.SeriesMarkers.TRIANGLE_DOWN
            : org.knowm.xchart.style.markers.SeriesMarkers.TRIANGLE_UP);
    s.setMarkerColor(color);
    s.setShowInLegend(false);
    return true;
  }
}
