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
 * One picture of the report: panels in rows of {@code columns} (one column: stacked top to bottom)
 * at one width, the plot areas of a column aligned on the left so stacked panels share their x
 * positions. A panel is an XChart chart or a {@link Painter} of its own. Written as PNG (at twice
 * the nominal size, sharp on high-density screens) and as SVG.
 *
 * <p>Its size is bounded by what is drawn, never by the sweep: figures draw aggregates (a few
 * hundred points a line, a few lines a panel, a capped number of panels), so neither the SVG nor
 * the PNG grows with the number of runs.
 *
 * @param name the file name without extension, e.g. {@code batch-size-mse}
 * @param title the figure's heading in the report
 * @param caption how to read the figure, one or two sentences
 */
record Figure(
    String name,
    String title,
    String caption,
    int width,
    int columns,
    List<Panel> panels,
    Legend legend) {

  /** Pixels of PNG per nominal pixel. */
  public static final int PNG_SCALE = 2;

  /** Draws a panel that is not an XChart chart into a box of the given size at the origin. */
  interface Painter {
    void paint(Graphics2D g, int width, int height);
  }

  /** One chart (or painter) and the height it is drawn at. */
  record Panel(Chart<?, ?> chart, Painter painter, int height) {
    Panel(Chart<?, ?> chart, int height) {
      this(chart, null, height);
    }

    static Panel painted(Painter painter, int height) {
      return new Panel(null, painter, height);
    }

    void paint(Graphics2D g, int width) {
      if (chart != null) {
        chart.paint(g, width, height);
      } else {
        painter.paint(g, width, height);
      }
    }
  }

  public Figure {
    panels = List.copyOf(panels);
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be at least 1: " + columns);
    }
  }

  /** Panels stacked in one column. */
  Figure(String name, String title, String caption, int width, List<Panel> panels, Legend legend) {
    this(name, title, caption, width, 1, panels, legend);
  }

  /**
   * The nominal height: the rows' heights (the tallest panel of each) added up, and the legend's
   * under them.
   */
  public int height() {
    int height = 0;
    for (int row = 0; row * columns < panels.size(); row++) {
      height += rowHeight(row);
    }
    return height + legend.height(width);
  }

  private int rowHeight(int row) {
    int tallest = 0;
    for (int i = row * columns; i < Math.min(panels.size(), (row + 1) * columns); i++) {
      tallest = Math.max(tallest, panels.get(i).height());
    }
    return tallest;
  }

  private int columnWidth() {
    return width / columns;
  }

  /** The series of that name in an XY panel: the data actually plotted. */
  public XYSeries series(int panel, String seriesName) {
    if (!(panels.get(panel).chart() instanceof XYChart chart)) {
      throw new IllegalArgumentException("panel " + panel + " of " + name + " is not an XY chart");
    }
    XYSeries series = chart.getSeriesMap().get(seriesName);
    if (series == null) {
      throw new IllegalArgumentException(
          "no series '"
              + seriesName
              + "' in panel "
              + panel
              + " of "
              + name
              + "; there are "
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
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
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
    double[] widest = new double[columns];
    for (int i = 0; i < left.length; i++) {
      widest[i % columns] = Math.max(widest[i % columns], left[i]);
    }
    int top = 0;
    for (int row = 0; row * columns < panels.size(); row++) {
      for (int i = row * columns; i < Math.min(panels.size(), (row + 1) * columns); i++) {
        Panel panel = panels.get(i);
        int column = i % columns;
        int indent = (int) Math.round(widest[column] - left[i]);
        Graphics2D pg = (Graphics2D) g.create();
        try {
          pg.translate(column * columnWidth() + indent, top);
          pg.clipRect(0, 0, columnWidth() - indent, panel.height());
          panel.paint(pg, columnWidth() - indent);
        } finally {
          pg.dispose();
        }
      }
      top += rowHeight(row);
    }
    legend.paint(g, top, width);
  }

  // Each chart's y-axis (labels and title) width, measured by a dry run; the widest of a column
  // sets the left edge of every plot area in it. Painted panels align themselves (0).
  private double[] leftAxisWidths() {
    double[] left = new double[panels.size()];
    if (panels.size() < 2) {
      return left;
    }
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < panels.size(); i++) {
      Panel panel = panels.get(i);
      if (panel.chart() == null) {
        continue;
      }
      Graphics2D g = scratch.createGraphics();
      try {
        panel.chart().paint(g, columnWidth(), panel.height());
        left[i] = panel.chart().getYAxisLeftWidth();
      } finally {
        g.dispose();
      }
    }
    return left;
  }
}
