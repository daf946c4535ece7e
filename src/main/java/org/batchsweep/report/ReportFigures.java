package org.batchsweep.report;

import java.util.ArrayList;
import java.util.List;

/** Which figures a sweep gets, in the order the report shows them. */
final class ReportFigures {

  private ReportFigures() {}

  /**
   * One batch-size figure per loss; the convergence map when two numeric axes vary; trajectories
   * when the sweep recorded epochs. None without a reference line to compare with.
   */
  static List<Figure> of(ReportData data) {
    List<Figure> figures = new ArrayList<>();
    if (data.reference() == null || data.points().isEmpty()) {
      return figures;
    }
    for (String loss : data.losses()) {
      figures.add(
          BatchSizeFigure.of(
              loss, data.points().stream().filter(p -> p.loss().equals(loss)).toList(), data.lines(),
              data.reference()));
    }
    data.grid().ifPresent(grid -> figures.add(ConvergenceMapFigure.of(grid)));
    if (!data.trajectories().isEmpty()) {
      figures.add(TrajectoryFigure.of(data.trajectories(), data.reference()));
    }
    return figures;
  }
}
