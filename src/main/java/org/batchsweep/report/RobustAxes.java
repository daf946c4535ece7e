package org.batchsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.batchsweep.core.Reference;
import org.batchsweep.report.BatchSizeCurves.Point;
import org.batchsweep.report.BatchSizeCurves.Spread;

/**
 * The y ranges of the batch-size panels, from the points drawn. Slope and intercept: around the
 * reference, the objective's minimiser and the initial values (every run that neither diverged nor
 * oscillated lies between where it started and where its objective pulls it). Train loss, on a log
 * axis: around the reference's loss and the losses of the points whose slope and intercept are on
 * their scales.
 */
final class RobustAxes {

  private RobustAxes() {}

  static AxisRange slope(List<Point> points, Reference reference) {
    return AxisRange.robust(
        core(points, Labels.firstTarget(reference), Point::objectiveSlope, Point::initSlope),
        values(points, Point::slope));
  }

  /**
   * The y range that small multiples share: around the same core, widened only by the medians of
   * points whose runs mostly did not diverge (band edges are clamped to it), so one oscillating
   * setting cannot squeeze every other panel.
   */
  static AxisRange sharedSlope(List<Point> points, Reference reference) {
    double[] medians =
        points.stream().filter(Point::sane).mapToDouble(p -> p.slope().median()).toArray();
    return AxisRange.robust(
        core(points, Labels.firstTarget(reference), Point::objectiveSlope, Point::initSlope),
        medians);
  }

  static AxisRange intercept(List<Point> points, Reference reference) {
    return AxisRange.robust(
        core(points, reference.intercept(), Point::objectiveIntercept, Point::initIntercept),
        values(points, Point::intercept));
  }

  static AxisRange trainMse(
      List<Point> points, Reference reference, AxisRange slope, AxisRange intercept) {
    List<Double> core = new ArrayList<>();
    core.add(reference.trainMse());
    for (Point p : points) {
      if (slope.contains(p.slope().median()) && intercept.contains(p.intercept().median())) {
        core.add(p.trainMse().median());
      }
    }
    return AxisRange.robustLog(
        core.stream().mapToDouble(Double::doubleValue).toArray(), values(points, Point::trainMse));
  }

  /** Whether any finite value of the points lies outside the range, or would not show on it. */
  static boolean clips(AxisRange range, List<Point> points, Function<Point, Spread> metric) {
    for (double v : values(points, metric)) {
      if (Double.isFinite(v) && !range.contains(v) && !(range.log() && v <= 0)) {
        return true;
      }
    }
    return false;
  }

  private static double[] core(
      List<Point> points,
      double reference,
      ToDoubleFunction<Point> objective,
      Function<Point, Spread> init) {
    List<Double> core = new ArrayList<>();
    core.add(reference);
    for (Point p : points) {
      core.add(objective.applyAsDouble(p));
      core.add(init.apply(p).min());
      core.add(init.apply(p).max());
    }
    return core.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double[] values(List<Point> points, Function<Point, Spread> metric) {
    double[] v = new double[3 * points.size()];
    for (int i = 0; i < points.size(); i++) {
      Spread s = metric.apply(points.get(i));
      v[3 * i] = s.median();
      v[3 * i + 1] = s.min();
      v[3 * i + 2] = s.max();
    }
    return v;
  }
}
