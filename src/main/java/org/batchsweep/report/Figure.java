package org.batchsweep.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One picture of the report: XChart panels stacked top to bottom at one width, their plot areas
 * aligned on the left so stacked panels share their x positions. Written as PNG (at twice the
 * nominal size, sharp on high-density screens) and as SVG.
 *
 * @param name the file name without extension, e.g. {@code batch-size-mse}
 * @param title the figure's heading in the report
 * @param caption how to read the figure, one or two sentences
 */
record Figure(
    String name, String title, String caption, int width, List<Panel> panels, Legend legend) {

  /** Pixels of PNG per nominal pixel. */
  public static final int PNG_SCALE = 2;

  /** One chart and the height it is drawn at. */
  record Panel(Chart<?, ?> chart, int height) {}

  public Figure {
    panels = List.copyOf(panels);
  }

  /** The nominal height: the panels' heights added up, and the legend's under them. */
  public int height() {
    return panels.stream().mapToInt(Panel::height).sum() + legend.height(width);
  }

  /** The series of that name in an XY panel: the data actually plotted. */
  public XYSeries series(int panel, String seriesName) {
    if (!(panels.get(panel).chart() instanceof XYChart chart)) {
      throw new IllegalArgumentException("panel " + panel + " of " + name + " is not an XY chart");
    }
    XYSeries series = chart.getSeriesMap().get(seriesName);
    if (series == null) {
      throw new IllegalArgumentException(
          "no series '" + seriesName + "' in panel " + panel + " of " + name + "; there are "
              + chart.getSeriesMap().keySet());
    }
    return series;
  }

  public byte[] png() {
    BufferedImage image =
        new BufferedImage(width * PNG_SCALE, height() * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.scale(PNG_SCALE, PNG_SCALE);
      paint(g);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + name + ".png", e);
    }
    return bytes.toByteArray();
  }

  public byte[] svg() {
    VectorGraphics2D g = new VectorGraphics2D();
    paint(g);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      new SVGProcessor()
          .getDocument(g.getCommands(), new PageSize(0, 0, width, height()))
          .writeTo(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + name + ".svg", e);
    }
    return bytes.toByteArray();
  }

  private void paint(Graphics2D g) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height());
    double[] left = leftAxisWidths();
    double widest = 0;
    for (double w : left) {
      widest = Math.max(widest, w);
    }
    int top = 0;
    for (int i = 0; i < panels.size(); i++) {
      Panel panel = panels.get(i);
      int indent = (int) Math.round(widest - left[i]);
      Graphics2D pg = (Graphics2D) g.create();
      try {
        pg.translate(indent, top);
        panel.chart().paint(pg, width - indent, panel.height());
      } finally {
        pg.dispose();
      }
      top += panel.height();
    }
    legend.paint(g, top, width);
  }

  // Each panel's y-axis (labels and title) width, measured by a dry run; the widest sets the
  // left edge of every plot area.
  private double[] leftAxisWidths() {
    double[] left = new double[panels.size()];
    if (panels.size() < 2) {
      return left;
    }
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < panels.size(); i++) {
      Graphics2D g = scratch.createGraphics();
      try {
        Panel panel = panels.get(i);
        panel.chart().paint(g, width, panel.height());
        left[i] = panel.chart().getYAxisLeftWidth();
      } finally {
        g.dispose();
      }
    }
    return left;
  }
}
