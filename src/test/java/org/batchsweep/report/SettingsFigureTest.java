package org.batchsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchsweep.core.Reference;
import org.batchsweep.report.BatchSizeCurves.Point;
import org.batchsweep.report.BatchSizeCurves.Spread;
import org.batchsweep.report.ConvergenceCells.Cell;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class SettingsFigureTest {

  private static final Reference REFERENCE =
      new Reference("mllib-normal", -4.0, 0.0, 0.0025, 0.0026, 0.99);
  private static final List<String> COLUMNS = List.of("loss", "optimizer", "shuffle", "lr");
  private static final List<String> AXES = List.of("optimizer", "shuffle", "lr");
  private static final int[] BATCHES = {10, 100, 1000};

  /** 4 optimizers × 2 shuffle × lrs; sgd at lr ≥ 1 explodes to ±3.4e38. */
  private static List<Setting> settings(int lrs) {
    List<Setting> settings = new ArrayList<>();
    for (String o : List.of("adagrad", "adam", "rmsprop", "sgd")) {
      for (boolean shuffle : List.of(false, true)) {
        for (int i = 0; i < lrs; i++) {
          settings.add(new Setting(COLUMNS, List.of("mse", o, shuffle, Math.pow(10, -3 + i))));
        }
      }
    }
    return settings;
  }

  private static List<Point> points(List<Setting> settings) {
    List<Point> points = new ArrayList<>();
    for (Setting s : settings) {
      double lr = (Double) s.get("lr");
      boolean explodes = s.get("optimizer").equals("sgd") && lr >= 1;
      for (int b : BATCHES) {
        double slope = explodes ? (b == 10 ? -3.4e38 : 3.4e38) : -4 + Math.min(4, b * 0.001 / lr);
        points.add(
            new Point(
                s,
                "",
                b,
                2,
                0,
                0,
                explodes ? 2 : 0,
                new Spread(slope, slope - 0.1, slope + 0.1),
                new Spread(0, 0, 0),
                new Spread(0.01, 0.01, 0.01),
                Double.NaN,
                Double.NaN,
                new Spread(0, -1, 1),
                new Spread(0, -1, 1)));
      }
    }
    return points;
  }

  private static long lines(XYChart chart) {
    return chart.getSeriesMap().values().stream()
        .filter(XYSeries::isShowInLegend)
        .filter(s -> !s.getName().equals(BatchSizeFigure.REFERENCE))
        .count();
  }

  @Test
  void givenFourOptimizersAndSixLrs_thenEightPanelsOfSixLinesShareOneRobustAxis() {
    List<Setting> settings = settings(6);
    PanelPlan plan =
        PanelPlan.of(settings, AXES, SettingsFigure.MAX_LINES, SettingsFigure.MAX_PANELS);

    Figure figure = SettingsFigure.of(plan, points(settings), AXES, REFERENCE);

    assertThat(figure.panels()).hasSize(8);
    assertThat(figure.columns()).isEqualTo(2);
    for (Figure.Panel panel : figure.panels()) {
      XYChart chart = (XYChart) panel.chart();
      assertThat(lines(chart))
          .as("lines of " + chart.getTitle())
          .isLessThanOrEqualTo(SettingsFigure.MAX_LINES);
      assertThat(chart.getStyler().getYAxisMax())
          .as("top of " + chart.getTitle())
          .isBetween(0.0, 10.0);
      assertThat(chart.getStyler().getYAxisMin())
          .as("bottom of " + chart.getTitle())
          .isBetween(-10.0, -4.0);
    }
    XYChart sgdFixed = (XYChart) figure.panels().get(6).chart();
    assertThat(sgdFixed.getTitle()).isEqualTo("sgd · fixed order");
    assertThat(sgdFixed.getSeriesMap().get("lr 100" + ClippedCurve.ABOVE).getXData())
        .containsExactly(100, 1000);
    assertThat(sgdFixed.getSeriesMap().get("lr 100" + ClippedCurve.BELOW).getXData())
        .containsExactly(10);
    assertThat(sgdFixed.getSeriesMap().get("lr 0.01").getYData())
        .as("plotted medians are the points' medians")
        .containsExactly(-3.0, 0.0, 0.0);
    assertThat(figure.caption()).contains("triangle");
  }

  @Test
  void givenManySettings_thenThePanelAndLineCapsHoldAndTheFigureStaysSmall() {
    List<Setting> settings = new ArrayList<>();
    for (int o = 0; o < 40; o++) {
      for (int i = 0; i < 50; i++) {
        settings.add(
            new Setting(COLUMNS, List.of("mse", "opt" + o, true, Math.pow(10, -4 + 0.1 * i))));
      }
    }
    PanelPlan plan =
        PanelPlan.of(settings, AXES, SettingsFigure.MAX_LINES, SettingsFigure.MAX_PANELS);

    Figure figure = SettingsFigure.of(plan, points(settings), AXES, REFERENCE);

    assertThat(figure.panels()).hasSize(SettingsFigure.MAX_PANELS);
    assertThat(figure.panels())
        .allSatisfy(p -> assertThat(lines((XYChart) p.chart())).isLessThanOrEqualTo(8));
    assertThat(figure.caption())
        .contains("8 of the 50 values of learning rate", "16 more settings");
    assertThat(figure.svg().length).as("SVG bytes").isLessThan(5_000_000);
  }

  @Test
  void convergenceMap_rendersACellPerSettingAndColumn_asANonBlankPngAndSvg() {
    List<Setting> settings = settings(6);
    PanelPlan plan =
        PanelPlan.of(
            settings, AXES, ConvergenceMapFigure.MAX_ROWS, ConvergenceMapFigure.MAX_PANELS);
    List<Cell> cells = new ArrayList<>();
    for (Setting s : settings) {
      for (int c = 0; c < 3; c++) {
        cells.add(new Cell(s, c, 4, c, Map.of("converged", (long) c, "step-budget", 4L - c)));
      }
    }
    ConvergenceCells data = new ConvergenceCells(List.of("10", "100", "1k"), false, cells);

    Figure figure = ConvergenceMapFigure.of(plan, data, AXES);

    assertThat(figure.panels()).hasSize(8);
    BufferedImage png = Images.decode(figure.png());
    assertThat(png.getHeight()).isEqualTo(figure.height() * Figure.PNG_SCALE);
    assertThat(Images.greyVariance(png)).isGreaterThan(100);
    assertThat(new String(figure.svg(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("50%", "lr 0.001", "1k");
  }
}
