package org.batchsweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * One legend for a whole figure, drawn under its panels, so stacked panels need no legend of their
 * own and every line style (median, band, dashed reference, dotted objective) is explained once.
 * Entries flow left to right and wrap at the figure's width.
 */
record Legend(List<Entry> entries) {

  static final Legend NONE = new Legend(List.of());

  private static final Font FONT = Charts.BASE;
  private static final int ROW = 22;
  private static final int PAD = 8;
  private static final int SAMPLE = 30;
  private static final int GAP = 22;
  private static final int LEFT = 16;
  // One font measure for PNG and SVG alike, so both lay the legend out the same way.
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  enum Style {
    LINE,
    BAND,
    DASHED,
    DOTTED,
    /** A point off the panel's scale, drawn as a triangle at its edge. */
    TRIANGLE,
    /** A filled square: a cell colour of a map. */
    SWATCH,
    /** A short thick bar: the strip a map cell shows for its most common failure. */
    BAR
  }

  record Entry(String label, Color color, Style style) {}

  Legend {
    entries = List.copyOf(entries);
  }

  int height(int width) {
    return entries.isEmpty() ? 0 : layout(width).size() * ROW + 2 * PAD;
  }

  void paint(Graphics2D g, int top, int width) {
    if (entries.isEmpty()) {
      return;
    }
    Graphics2D lg = (Graphics2D) g.create();
    try {
      int y = top + PAD;
      for (List<Entry> row : layout(width)) {
        int x = LEFT;
        int mid = y + ROW / 2;
        for (Entry e : row) {
          sample(lg, e, x, mid);
          lg.setColor(Palette.INK);
          // Text as outlines, like XChart's own labels, so PNG and SVG show the same glyphs.
          TextLayout text = new TextLayout(e.label(), FONT, FRC);
          lg.fill(
              text.getOutline(
                  AffineTransform.getTranslateInstance(
                      x + SAMPLE + 6, mid + text.getAscent() / 2 - 1)));
          x += SAMPLE + 6 + advance(e.label()) + GAP;
        }
        y += ROW;
      }
    } finally {
      lg.dispose();
    }
  }

  private static void sample(Graphics2D g, Entry e, int x, int mid) {
    switch (e.style()) {
      case LINE -> stroke(g, e.color(), Charts.SOLID, x, mid);
      case DASHED -> stroke(g, e.color(), Charts.DASHED, x, mid);
      case DOTTED -> stroke(g, e.color(), Charts.DOTTED, x, mid);
      case BAND -> {
        g.setColor(Palette.translucent(e.color(), 50));
        g.fillRect(x, mid - 6, SAMPLE, 12);
      }
      case TRIANGLE -> {
        g.setColor(e.color());
        g.fill(Markers.triangle(x + SAMPLE / 2.0, mid, 5, true));
      }
      case SWATCH -> {
        g.setColor(e.color());
        g.fillRect(x + 6, mid - 8, SAMPLE - 12, 16);
        g.setColor(Palette.GRID);
        g.drawRect(x + 6, mid - 8, SAMPLE - 12, 16);
      }
      case BAR -> {
        g.setColor(e.color());
        g.fillRect(x + 4, mid - 2, SAMPLE - 8, 5);
      }
    }
  }

  private static void stroke(Graphics2D g, Color color, BasicStroke stroke, int x, int mid) {
    g.setColor(color);
    g.setStroke(stroke);
    g.drawLine(x + 1, mid, x + SAMPLE - 1, mid);
  }

  private static int advance(String label) {
    return (int) Math.ceil(new TextLayout(label, FONT, FRC).getAdvance());
  }

  private List<List<Entry>> layout(int width) {
    List<List<Entry>> rows = new ArrayList<>();
    List<Entry> row = new ArrayList<>();
    int x = LEFT;
    for (Entry e : entries) {
      int w = SAMPLE + 6 + advance(e.label());
      if (!row.isEmpty() && x + w > width - LEFT) {
        rows.add(row);
        row = new ArrayList<>();
        x = LEFT;
      }
      row.add(e);
      x += w + GAP;
    }
    rows.add(row);
    return rows;
  }
}
