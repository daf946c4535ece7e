package org.batchsweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's XChart look (white, light grid, no markers) and the few series kinds the figures
 * use: a solid line, a min–max band, a dashed reference and a dotted objective line.
 */
final class Charts {

  static final Font BASE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
  static final BasicStroke SOLID =
      new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  static final BasicStroke DASHED =
      new BasicStroke(
          1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f);
  static final BasicStroke DOTTED =
      new BasicStroke(
          2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {0.5f, 4.5f}, 0f);

  private Charts() {}

  static {
    // Charts are drawn on the driver, which may have no display; ./submit passes this too.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** An empty XY chart in the report's style; legend hidden until {@link #legendBelow}. */
  static XYChart xy(String title, String xTitle, String yTitle) {
    XYChart chart = new XYChart(100, 100);
    chart.setTitle(title);
    chart.setXAxisTitle(xTitle);
    chart.setYAxisTitle(yTitle);
    XYStyler s = chart.getStyler();
    s.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
    s.setBaseFont(BASE);
    s.setChartTitleFont(TITLE);
    s.setChartTitleVisible(title != null && !title.isEmpty());
    s.setChartTitleBoxVisible(false);
    s.setAxisTitleFont(BASE);
    s.setAxisTickLabelsFont(BASE.deriveFont(11f));
    s.setLegendFont(BASE);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(Palette.GREY);
    s.setPlotGridLinesColor(Palette.GRID);
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    s.setChartFontColor(Palette.INK);
    s.setAxisTickLabelsColor(Palette.INK);
    s.setChartPadding(8);
    s.setPlotMargin(6);
    s.setMarkerSize(0);
    s.setAxisTicksLineVisible(false);
    s.setXAxisTickMarkSpacingHint(110);
    s.setXAxisDecimalPattern("0.##########");
    s.setLegendVisible(false);
    s.setAntiAlias(true);
    return chart;
  }

  /** Shows the legend under the plot, entries side by side. */
  static void legendBelow(XYChart chart) {
    XYStyler s = chart.getStyler();
    s.setLegendVisible(true);
    s.setLegendPosition(LegendPosition.OutsideS);
    s.setLegendLayout(LegendLayout.Horizontal);
    s.setLegendBorderColor(Color.WHITE);
    s.setLegendSeriesLineLength(28);
  }

  static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color) {
    return styled(chart.addSeries(name, x, y), color, SOLID);
  }

  static XYSeries dashed(XYChart chart, String name, double[] x, double[] y, Color color) {
    return styled(chart.addSeries(name, x, y), color, DASHED);
  }

  static XYSeries dotted(XYChart chart, String name, double[] x, double[] y, Color color) {
    return styled(chart.addSeries(name, x, y), color, DOTTED);
  }

  /**
   * A filled band between {@code low} and {@code high}, drawn as one polygon (forward along the low
   * edge, back along the high edge), hidden from the legend. Points where either edge is missing
   * (NaN) are left out.
   */
  static XYSeries band(
      XYChart chart, String name, double[] x, double[] low, double[] high, Color color) {
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(low[i]) && Double.isFinite(high[i])) {
        n++;
      }
    }
    double[] px = new double[2 * n];
    double[] py = new double[2 * n];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(low[i]) && Double.isFinite(high[i])) {
        px[k] = x[i];
        py[k] = low[i];
        px[2 * n - 1 - k] = x[i];
        py[2 * n - 1 - k] = high[i];
        k++;
      }
    }
    XYSeries series = chart.addSeries(name, px, py);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    series.setFillColor(Palette.translucent(color, 50));
    series.setLineColor(Palette.translucent(color, 0));
    series.setLineStyle(new BasicStroke(0f));
    series.setMarker(SeriesMarkers.NONE);
    series.setShowInLegend(false);
    return series;
  }

  private static XYSeries styled(XYSeries series, Color color, BasicStroke stroke) {
    series.setLineColor(color);
    series.setLineStyle(stroke);
    series.setMarker(SeriesMarkers.NONE);
    series.setMarkerColor(color);
    return series;
  }
}
