package org.batchsweep.report;

import java.awt.geom.Path2D;

/** Shapes the figures draw themselves (XChart's markers cannot be placed at a panel's edge). */
final class Markers {

  private Markers() {}

  /** A triangle centred on (x, y) with the given half width, pointing up or down. */
  static Path2D triangle(double x, double y, double half, boolean up) {
    Path2D.Double t = new Path2D.Double();
    double h = half * 1.7;
    if (up) {
      t.moveTo(x - half, y + h / 2);
      t.lineTo(x + half, y + h / 2);
      t.lineTo(x, y - h / 2);
    } else {
      t.moveTo(x - half, y - h / 2);
      t.lineTo(x + half, y - h / 2);
      t.lineTo(x, y + h / 2);
    }
    t.closePath();
    return t;
  }
}
