package org.batchsweep.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.batchsweep.core.Reference;
import org.batchsweep.report.BatchSizeCurves.Point;
import org.batchsweep.report.Legend.Entry;
import org.batchsweep.report.Legend.Style;
import org.knowm.xchart.XYChart;

/**
 * Small multiples of the final slope against batch size, for sweeps with too many settings for one
 * panel: one panel per combination of the axes other than the {@link PanelPlan#inner} one, whose
 * values are the panel's lines (at most {@link #MAX_LINES}), one colour per value in every panel.
 * All panels share one y range, robust to exploded runs ({@link RobustAxes}); medians off it are
 * triangles at the edge.
 *
 * <p>Series names are those of {@link ClippedCurve}, with the line's inner-axis value as label
 * (e.g. {@code lr 0.01}); panels are numbered in {@link PanelPlan#panels} order.
 */
final class SettingsFigure {

  static final String NAME = "batch-size-by-setting";
  static final int MAX_LINES = 8;
  static final int MAX_PANELS = 24;
  static final int WIDTH = 900;
  private static final int PANEL_HEIGHT = 250;

  private SettingsFigure() {}

  /**
   * @param plan the panels, planned over every setting
   * @param points the points of the planned settings (others are ignored)
   * @param axes the setting axes the sweep varies
   */
  static Figure of(PanelPlan plan, List<Point> points, List<String> axes, Reference reference) {
    Map<Setting, List<Point>> bySetting = new LinkedHashMap<>();
    for (Point p : points) {
      bySetting.computeIfAbsent(p.setting(), k -> new ArrayList<>()).add(p);
    }
    List<Point> drawn = new ArrayList<>();
    for (PanelPlan.Panel panel : plan.panels()) {
      panel.settings().forEach(s -> drawn.addAll(bySetting.getOrDefault(s, List.of())));
    }
    AxisRange range = RobustAxes.sharedSlope(drawn, reference);
    double minB = drawn.stream().mapToInt(Point::batchSize).min().orElse(1);
    double maxB = drawn.stream().mapToInt(Point::batchSize).max().orElse(1);
    double axisMin = minB <= 0.1 * maxB ? 0 : minB;
    boolean numeric = !plan.innerValues().isEmpty() && plan.innerValues().get(0) instanceof Number;
    int columns = plan.panels().size() > 1 ? 2 : 1;

    List<Figure.Panel> panels = new ArrayList<>();
    int offScale = 0;
    for (PanelPlan.Panel panel : plan.panels()) {
      XYChart chart =
          Charts.xy(
              panel.title().isEmpty() ? "all runs" : panel.title(),
              "batch size",
              "final " + Labels.firstQuantity(reference));
      chart.getStyler().setXAxisMin(axisMin);
      chart.getStyler().setXAxisMax(maxB);
      chart.getStyler().setXAxisTickMarkSpacingHint(columns == 1 ? 110 : 95);
      range.apply(chart);
      for (Setting setting : panel.settings()) {
        List<Point> ps = bySetting.getOrDefault(setting, List.of());
        if (ps.isEmpty()) {
          continue;
        }
        double[] x = ps.stream().mapToDouble(Point::batchSize).toArray();
        boolean[] counted = new boolean[ps.size()];
        java.util.Arrays.fill(counted, true);
        offScale +=
            ClippedCurve.draw(
                chart,
                lineLabel(plan, setting),
                x,
                ps.stream().map(Point::slope).toList(),
                counted,
                range,
                color(plan, setting, numeric),
                false);
      }
      Charts.dashed(
          chart,
          BatchSizeFigure.REFERENCE,
          new double[] {minB, maxB},
          new double[] {Labels.firstTarget(reference), Labels.firstTarget(reference)},
          Palette.INK);
      panels.add(new Figure.Panel(chart, PANEL_HEIGHT));
    }

    List<Entry> legend = new ArrayList<>();
    List<Object> shown = new ArrayList<>();
    plan.panels()
        .forEach(
            p ->
                p.settings()
                    .forEach(
                        s -> {
                          Object v = plan.inner() == null ? null : s.get(plan.inner());
                          if (!shown.contains(v)) {
                            shown.add(v);
                          }
                        }));
    shown.sort(Setting.VALUE_ORDER);
    for (Object v : shown) {
      String label = plan.inner() == null ? "median over seeds" : Labels.axisValue(plan.inner(), v);
      int i = plan.innerValues().indexOf(v);
      legend.add(
          new Entry(
              label,
              numeric ? Palette.ramp(i, plan.innerValues().size()) : Palette.line(Math.max(0, i)),
              Style.LINE));
    }
    legend.add(new Entry("min–max over seeds", Palette.GREY, Style.BAND));
    legend.add(
        new Entry(
            reference.features() == 1
                ? "MLlib least-squares slope (the target)"
                : "weight error 0: the MLlib least-squares weights (the target)",
            Palette.INK,
            Style.DASHED));
    if (offScale > 0) {
      legend.add(
          new Entry("median off the scale (exploded or non-finite)", Palette.GREY, Style.TRIANGLE));
    }
    return new Figure(
        NAME,
        title(plan, axes, reference),
        caption(plan, axes, range, offScale, reference),
        WIDTH,
        columns,
        panels,
        new Legend(legend));
  }

  static String lineLabel(PanelPlan plan, Setting setting) {
    return plan.inner() == null
        ? "all seeds"
        : Labels.axisValue(plan.inner(), setting.get(plan.inner()));
  }

  private static Color color(PanelPlan plan, Setting setting, boolean numeric) {
    int i = plan.indexOf(setting);
    return numeric ? Palette.ramp(i, plan.innerValues().size()) : Palette.line(i);
  }

  private static String title(PanelPlan plan, List<String> axes, Reference reference) {
    List<String> outer =
        axes.stream().filter(a -> !a.equals(plan.inner())).map(Labels::axisTitle).toList();
    StringBuilder t =
        new StringBuilder(
            "Final " + Labels.firstQuantity(reference) + " against batch size, by setting");
    if (!outer.isEmpty()) {
      t.append(": a panel per ").append(String.join(" × ", outer));
    }
    if (plan.inner() != null) {
      t.append(", a line per ").append(Labels.axisTitle(plan.inner()));
    }
    return t.toString();
  }

  private static String caption(
      PanelPlan plan, List<String> axes, AxisRange range, int offScale, Reference reference) {
    String quantity = Labels.firstQuantity(reference);
    StringBuilder text =
        new StringBuilder(
                "Each line is one setting: the median final "
                    + quantity
                    + " over the replicate seeds, its band their minimum to maximum; the dashed"
                    + (reference.features() == 1
                        ? " line is the least-squares slope every converged run reaches."
                        : " line is 0, the least-squares weights.")
                    + " All panels share one y axis, ")
            .append(
                String.format(
                    Locale.ROOT,
                    "%s to %s",
                    Labels.compact(range.lo()),
                    Labels.compact(range.hi())))
            .append(
                ", set by the reference, the objectives' minimisers, the initial values and the"
                    + " medians of runs that did not diverge, never by runs that blew up; bands are"
                    + " cut at its edges.");
    if (offScale > 0) {
      text.append(' ')
          .append(offScale)
          .append(offScale == 1 ? " median lies" : " medians lie")
          .append(
              " off that scale (exploded, or no finite run): a triangle at the panel's top or"
                  + " bottom edge.");
    }
    for (String s : plan.leftOut()) {
      text.append(' ').append(s);
    }
    return text.toString();
  }
}
