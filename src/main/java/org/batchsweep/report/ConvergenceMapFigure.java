package org.batchsweep.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.batchsweep.diagnose.BatchBands;
import org.batchsweep.diagnose.BatchBands.Band;
import org.batchsweep.report.ConvergenceGrid.Cell;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler.ChartTheme;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The convergence map: one heatmap per loss and shuffle setting, the share of runs that converged
 * in each cell of the sweep's two numeric axes, 0 % (pale) to 100 % (blue). A batch-size axis with
 * more than {@link #MAX_COLUMNS} values is grouped into {@link BatchBands} so cells stay readable.
 */
final class ConvergenceMapFigure {

  static final String NAME = "convergence-map";
  static final int MAX_COLUMNS = 16;
  private static final int WIDTH = 860;
  private static final int ROW_HEIGHT = 34;
  private static final int CHROME = 130;

  private ConvergenceMapFigure() {}

  static Figure of(ConvergenceGrid grid) {
    Axis x = Axis.of(grid.x(), grid.cells().stream().mapToDouble(Cell::x).toArray());
    Axis y = Axis.of(grid.y(), grid.cells().stream().mapToDouble(Cell::y).toArray());
    Map<String, List<Cell>> panels = new LinkedHashMap<>();
    for (Cell c : grid.cells()) {
      panels.computeIfAbsent(c.loss() + ", " + Labels.shuffle(c.shuffle()), k -> new ArrayList<>()).add(c);
    }
    List<Figure.Panel> charts = new ArrayList<>();
    for (Map.Entry<String, List<Cell>> panel : panels.entrySet()) {
      long[][] runs = new long[x.labels().size()][y.labels().size()];
      long[][] converged = new long[x.labels().size()][y.labels().size()];
      for (Cell c : panel.getValue()) {
        runs[x.index(c.x())][y.index(c.y())] += c.runs();
        converged[x.index(c.x())][y.index(c.y())] += c.converged();
      }
      List<Number[]> heat = new ArrayList<>();
      for (int i = 0; i < runs.length; i++) {
        for (int j = 0; j < runs[i].length; j++) {
          if (runs[i][j] > 0) {
            heat.add(new Number[] {i, j, Math.round(100.0 * converged[i][j] / runs[i][j])});
          }
        }
      }
      HeatMapChart chart = new HeatMapChart(100, 100, ChartTheme.XChart); // the theme sets every default
      chart.setTitle("loss " + panel.getKey());
      chart.setXAxisTitle(Labels.axisTitle(grid.x()));
      chart.setYAxisTitle(Labels.axisTitle(grid.y()));
      style(chart.getStyler());
      chart.addSeries("share converged (%)", x.labels(), y.labels(), heat);
      charts.add(new Figure.Panel(chart, CHROME + ROW_HEIGHT * y.labels().size()));
    }
    return new Figure(NAME, "Convergence map: " + Labels.axisTitle(grid.x()) + " × " + Labels.axisTitle(grid.y()),
        caption(grid, x), WIDTH, charts, Legend.NONE);
  }

  private static void style(HeatMapStyler s) {
    s.setBaseFont(Charts.BASE);
    s.setChartTitleFont(Charts.TITLE);
    s.setAxisTitleFont(Charts.BASE);
    s.setAxisTickLabelsFont(Charts.BASE.deriveFont(11f));
    s.setLegendFont(Charts.BASE);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(new Color(0xF4F4F4));
    s.setChartFontColor(Palette.INK);
    s.setAxisTickLabelsColor(Palette.INK);
    s.setChartTitleBoxVisible(false);
    s.setPlotBorderVisible(false);
    s.setChartPadding(8);
    s.setLegendPosition(LegendPosition.OutsideE);
    s.setLegendBorderColor(Color.WHITE);
    // Light to medium blue, so the dark percentages stay readable on every cell.
    s.setRangeColors(new Color[] {new Color(0xF7FBFF), new Color(0xC6DBEF), new Color(0x6BAED6)});
    s.setMin(0);
    s.setMax(100);
    s.setShowValue(true);
    s.setValueFont(Charts.BASE.deriveFont(Font.BOLD, 11f));
    s.setValueFontColor(Palette.INK);
    s.setHeatMapValueDecimalPattern("0'%'");
    s.setHeatMapDecimalValueFormatter(v -> Math.round(v) + "%");
    s.setGradientColorColumnHeight(1);
    s.setAntiAlias(true);
  }

  private static String caption(ConvergenceGrid grid, Axis x) {
    StringBuilder text = new StringBuilder("Each cell is the share of runs that ended within the tolerance of the")
        .append(" reference line (converged), over the replicate seeds");
    if (!grid.pooled().isEmpty()) {
      text.append(" and every value of ").append(String.join(", ", grid.pooled().stream().map(Labels::axisTitle).toList()));
    }
    text.append(". Blue: all converged; pale: none.");
    if (x.banded()) {
      text.append(" Batch sizes are grouped into bands (").append(x.labels().get(0)).append(", …).");
    }
    return text.toString();
  }

  /** An axis's categories: its values, or batch-size bands when there are too many values. */
  private record Axis(List<String> labels, List<Double> values, List<Band> bands) {

    static Axis of(String column, double[] values) {
      TreeSet<Double> distinct = new TreeSet<>();
      for (double v : values) {
        distinct.add(v);
      }
      if (column.equals("batch_size") && distinct.size() > MAX_COLUMNS) {
        List<Band> bands = BatchBands.of(distinct.stream().map(Double::intValue).toList());
        return new Axis(bands.stream().map(Band::label).toList(), List.of(), bands);
      }
      List<Double> sorted = new ArrayList<>(distinct);
      return new Axis(sorted.stream().map(Labels::number).toList(), sorted, List.of());
    }

    boolean banded() {
      return !bands.isEmpty();
    }

    int index(double value) {
      if (banded()) {
        for (int b = 0; b < bands.size(); b++) {
          if (bands.get(b).contains((int) value)) {
            return b;
          }
        }
        throw new IllegalStateException(value + " is in no band of " + bands);
      }
      return values.indexOf(value);
    }
  }
}
