package org.batchsweep.report;

import java.util.ArrayList;
import java.util.List;

/** Which figures a sweep gets, in the order the report shows them. */
final class ReportFigures {

  private ReportFigures() {}

  /**
   * With few settings (at most {@link SettingsFigure#MAX_LINES} a loss, like the seed's): the
   * original question's figure per loss, then the convergence maps. With more: the convergence maps
   * first (which settings converge where), then the small multiples of the final slope.
   * Trajectories when the sweep recorded epochs. None without a reference line to compare with.
   */
  static List<Figure> of(ReportData data) {
    List<Figure> figures = new ArrayList<>();
    if (data.reference() == null || data.points().isEmpty()) {
      return figures;
    }
    List<String> axes = data.axes().settingAxes();
    if (data.curvePanels().isEmpty()) {
      for (String loss : data.losses()) {
        figures.add(
            BatchSizeFigure.of(
                loss,
                data.points().stream().filter(p -> p.loss().equals(loss)).toList(),
                data.lines(),
                data.reference()));
      }
    }
    data.mapPanels()
        .ifPresent(plan -> figures.add(ConvergenceMapFigure.of(plan, data.cells(), axes)));
    data.curvePanels()
        .ifPresent(
            plan -> figures.add(SettingsFigure.of(plan, data.points(), axes, data.reference())));
    if (!data.trajectories().isEmpty()) {
      figures.add(TrajectoryFigure.of(data.trajectories(), data.reference()));
    }
    return figures;
  }
}
