package org.batchsweep.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.batchsweep.reference.Reference;
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
    double last = paths.stream().mapToDouble(p -> p.epochs().length == 0 ? 0 : p.epochs()[p.epochs().length - 1]).max().orElse(1);
    XYChart slope = Charts.xy("one run per diagnosis", "epoch", "slope");
    XYChart intercept = Charts.xy(null, "epoch", "intercept");
    slope.getStyler().setXAxisTitleVisible(false);
    List<Entry> legend = new ArrayList<>();
    for (Path p : paths) {
      int n = finitePrefix(p);
      if (n == 0) {
        continue;
      }
      Color color = Palette.diagnosis(p.diagnosis());
      double[] epochs = Arrays.copyOf(p.epochs(), n);
      Charts.line(slope, p.label(), epochs, Arrays.copyOf(p.slopes(), n), color);
      Charts.line(intercept, p.label(), epochs, Arrays.copyOf(p.intercepts(), n), color);
      legend.add(new Entry(p.label(), color, Style.LINE));
    }
    double[] ends = {0, Math.max(1, last)};
    Charts.dashed(slope, BatchSizeFigure.REFERENCE, ends, new double[] {reference.slope(), reference.slope()}, Palette.INK);
    Charts.dashed(intercept, BatchSizeFigure.REFERENCE, ends, new double[] {reference.intercept(), reference.intercept()}, Palette.INK);
    legend.add(new Entry("MLlib least-squares line (the target)", Palette.INK, Style.DASHED));
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

  // A diverged run is drawn up to its last finite epoch; its diagnosis says it blew up.
  private static int finitePrefix(Path p) {
    int n = 0;
    while (n < p.epochs().length && Double.isFinite(p.slopes()[n]) && Double.isFinite(p.intercepts()[n])) {
      n++;
    }
    return n;
  }
}
