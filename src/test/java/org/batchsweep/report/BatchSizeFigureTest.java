package org.batchsweep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.batchsweep.core.Reference;
import org.batchsweep.report.BatchSizeCurves.Point;
import org.batchsweep.report.BatchSizeCurves.Spread;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYSeries;
import org.w3c.dom.Document;

class BatchSizeFigureTest {

  private static final Reference REFERENCE =
      new Reference("mllib-normal", -4.0, 0.01, 0.0025, 0.0026, 0.99);
  private static final int[] BATCHES = {10, 20, 50, 100};

  /**
   * Two lines; shuffled medians are the fixed ones shifted, one shuffled point has no finite run.
   */
  private static List<Point> points(boolean objective) {
    List<Point> points = new ArrayList<>();
    for (String line : List.of("fixed order", "shuffled")) {
      double shift = line.equals("shuffled") ? 0.5 : 0;
      for (int b : BATCHES) {
        double slope = -4 + b / 50.0 + shift;
        boolean lost = line.equals("shuffled") && b == 50;
        points.add(
            new Point(
                setting("mse", line.equals("shuffled")),
                line,
                b,
                3,
                lost ? 3 : 0,
                0,
                lost ? 3 : 0,
                lost ? nan() : new Spread(slope, slope - 0.2, slope + 0.3),
                lost ? nan() : new Spread(-b / 100.0, -b / 100.0 - 0.1, -b / 100.0 + 0.1),
                lost ? nan() : new Spread(0.003 * b, 0.002 * b, 0.004 * b),
                objective ? slope / 2 : Double.NaN,
                objective ? -1.0 : Double.NaN,
                new Spread(0, -1, 1),
                new Spread(0, -1, 1)));
      }
    }
    return points;
  }

  static Setting setting(String loss, boolean shuffle) {
    return new Setting(List.of("loss", "shuffle"), List.of(loss, shuffle));
  }

  private static Spread nan() {
    return new Spread(Double.NaN, Double.NaN, Double.NaN);
  }

  @Test
  void givenTwoLines_whenDrawn_thenEachPanelPlotsTheMediansItWasGiven() {
    Figure figure =
        BatchSizeFigure.of("mse", points(false), List.of("fixed order", "shuffled"), REFERENCE);

    XYSeries fixed = figure.series(BatchSizeFigure.SLOPE, "fixed order");
    assertThat(fixed.getXData()).as("batch sizes").containsExactly(10, 20, 50, 100);
    assertThat(fixed.getYData()).as("median slopes").containsExactly(-3.8, -3.6, -3.0, -2.0);
    XYSeries shuffled = figure.series(BatchSizeFigure.INTERCEPT, "shuffled");
    assertThat(shuffled.getXData())
        .as("the point with no finite run is left out")
        .containsExactly(10, 20, 100);
    assertThat(figure.series(BatchSizeFigure.TRAIN_MSE, "fixed order").getYData())
        .containsExactly(0.03, 0.06, 0.15, 0.3);
    assertThat(figure.series(BatchSizeFigure.SLOPE, BatchSizeFigure.REFERENCE).getYData())
        .containsExactly(-4.0, -4.0);
    assertThatThrownBy(() -> figure.series(BatchSizeFigure.SLOPE, "fixed order (objective)"))
        .as("no objective line without objective columns")
        .hasMessageContaining("no series");
  }

  @Test
  void givenMinAndMax_whenDrawn_thenTheBandGoesOutAlongTheMinimaAndBackAlongTheMaxima() {
    Figure figure =
        BatchSizeFigure.of("mse", points(false), List.of("fixed order", "shuffled"), REFERENCE);

    XYSeries band = figure.series(BatchSizeFigure.SLOPE, "fixed order (min–max)");

    assertThat(band.getXData()).containsExactly(10, 20, 50, 100, 100, 50, 20, 10);
    double[] y = band.getYData();
    assertThat(y[0]).isCloseTo(-4.0, within(1e-12));
    assertThat(y[3]).isCloseTo(-2.2, within(1e-12));
    assertThat(y[4]).isCloseTo(-1.7, within(1e-12));
    assertThat(y[7]).isCloseTo(-3.5, within(1e-12));
  }

  @Test
  void givenObjectiveColumns_whenDrawn_thenTheObjectiveIsADottedLinePerShuffleSetting() {
    Figure figure =
        BatchSizeFigure.of("mse", points(true), List.of("fixed order", "shuffled"), REFERENCE);

    assertThat(figure.series(BatchSizeFigure.SLOPE, "fixed order (objective)").getYData())
        .containsExactly(-1.9, -1.8, -1.5, -1.0);
    assertThat(figure.series(BatchSizeFigure.INTERCEPT, "shuffled (objective)").getYData())
        .containsExactly(-1.0, -1.0, -1.0, -1.0);
    assertThat(figure.caption()).contains("dotted");
  }

  @Test
  void whenRendered_thenThePngHasTheNominalSizeTimesTheScaleAndIsNotBlank() {
    Figure figure =
        BatchSizeFigure.of("mse", points(true), List.of("fixed order", "shuffled"), REFERENCE);

    BufferedImage png = Images.decode(figure.png());

    assertThat(png.getWidth()).isEqualTo(BatchSizeFigure.WIDTH * Figure.PNG_SCALE);
    assertThat(png.getHeight()).isEqualTo(figure.height() * Figure.PNG_SCALE);
    assertThat(figure.height()).as("three panels and a legend").isGreaterThan(3 * 200);
    assertThat(Images.greyVariance(png)).as("grey-level variance").isGreaterThan(100);
    assertThat(Images.inkShare(png)).as("share of non-white pixels").isBetween(0.02, 0.6);
  }

  @Test
  void whenRendered_thenTheSvgIsWellFormedWithTheNominalSize() throws Exception {
    Figure figure =
        BatchSizeFigure.of("mse", points(false), List.of("fixed order", "shuffled"), REFERENCE);

    byte[] svg = figure.svg();

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(doc.getDocumentElement().getAttribute("viewBox"))
        .isEqualTo("0 0 " + BatchSizeFigure.WIDTH + " " + figure.height());
    assertThat(doc.getElementsByTagName("path").getLength()).as("drawn shapes").isGreaterThan(50);
  }

  @Test
  void givenExplodedRuns_whenDrawn_thenTheyDoNotSetTheAxisAndAreMarkedAtTheEdge() {
    List<Point> points = new ArrayList<>(points(false));
    // A third line whose runs blew up at B 20 and 100 (float32's largest values, as SGD leaves
    // them).
    for (int b : BATCHES) {
      boolean exploded = b == 20 || b == 100;
      double slope = exploded ? 3.4e38 : -3.9;
      points.add(
          new Point(
              setting("mse", true),
              "shuffled · lr 3",
              b,
              3,
              0,
              0,
              exploded ? 3 : 0,
              new Spread(slope, exploded ? -3.4e38 : slope, exploded ? 3.4e38 : slope),
              new Spread(exploded ? -1e37 : 0.01, exploded ? -1e37 : 0.0, exploded ? 1e37 : 0.02),
              new Spread(exploded ? 1e75 : 0.003, 0.002, exploded ? 1e76 : 0.004),
              Double.NaN,
              Double.NaN,
              new Spread(0, -1, 1),
              new Spread(0, -1, 1)));
    }
    Figure figure =
        BatchSizeFigure.of(
            "mse", points, List.of("fixed order", "shuffled", "shuffled · lr 3"), REFERENCE);

    org.knowm.xchart.XYChart slope =
        (org.knowm.xchart.XYChart) figure.panels().get(BatchSizeFigure.SLOPE).chart();
    assertThat(slope.getStyler().getYAxisMax()).as("top of the slope axis").isBetween(0.0, 10.0);
    assertThat(slope.getStyler().getYAxisMin())
        .as("bottom of the slope axis")
        .isBetween(-10.0, -4.0);
    XYSeries above = figure.series(BatchSizeFigure.SLOPE, "shuffled · lr 3" + ClippedCurve.ABOVE);
    assertThat(above.getXData()).as("exploded points marked").containsExactly(20, 100);
    assertThat(java.util.Arrays.stream(above.getYData()).boxed().toList())
        .allSatisfy(y -> assertThat(y).isLessThan(slope.getStyler().getYAxisMax()));
    double[] median = figure.series(BatchSizeFigure.SLOPE, "shuffled · lr 3").getYData();
    assertThat(median[0]).isEqualTo(-3.9);
    assertThat(median[1]).as("the line breaks at an exploded point").isNaN();
    double[] band = figure.series(BatchSizeFigure.SLOPE, "fixed order (min–max)").getYData();
    assertThat(java.util.Arrays.stream(band).boxed().toList())
        .allSatisfy(y -> assertThat(y).isBetween(-10.0, 10.0));
    org.knowm.xchart.XYChart mse =
        (org.knowm.xchart.XYChart) figure.panels().get(BatchSizeFigure.TRAIN_MSE).chart();
    assertThat(mse.getStyler().getYAxisMax()).as("top of the log loss axis").isLessThan(100.0);
    assertThat(figure.caption()).contains("triangle");
    assertThat(figure.svg().length).as("SVG bytes").isLessThan(2_000_000);
  }

  @Test
  void givenNothingExploded_whenDrawn_thenEachAxisScalesItself() {
    Figure figure =
        BatchSizeFigure.of("mse", points(true), List.of("fixed order", "shuffled"), REFERENCE);

    org.knowm.xchart.XYChart slope =
        (org.knowm.xchart.XYChart) figure.panels().get(BatchSizeFigure.SLOPE).chart();
    assertThat(slope.getStyler().getYAxisMax()).as("no fixed top").isNull();
    assertThat(slope.getSeriesMap().keySet())
        .noneMatch(n -> n.endsWith(ClippedCurve.ABOVE) || n.endsWith(ClippedCurve.BELOW));
    assertThat(figure.caption()).doesNotContain("triangle");
  }
}
