package org.batchsweep.report;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.batchsweep.diagnose.Diagnosis;

/**
 * The report's colours: the Okabe–Ito palette (its yellow, too pale on white, swapped for wine),
 * distinguishable with the common colour-vision deficiencies, and one fixed colour per diagnosis so
 * the table and the trajectories agree.
 */
final class Palette {

  static final Color BLUE = new Color(0x0072B2);
  static final Color ORANGE = new Color(0xE69F00);
  static final Color GREEN = new Color(0x009E73);
  static final Color VERMILLION = new Color(0xD55E00);
  static final Color PURPLE = new Color(0xCC79A7);
  static final Color SKY = new Color(0x56B4E9);
  static final Color WINE = new Color(0x882255);
  static final Color INK = new Color(0x222222);
  static final Color GREY = new Color(0x8A8A8A);
  static final Color GRID = new Color(0xE4E4E4);

  /** Colours for lines in the order they are added (fixed order first, then shuffled, ...). */
  static final List<Color> LINES = List.of(BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, INK, WINE);

  private Palette() {}

  static Color line(int index) {
    return LINES.get(Math.floorMod(index, LINES.size()));
  }

  // Viridis from 0 to 0.85 (its palest yellows are lost on white): ordered, and readable with the
  // common colour-vision deficiencies.
  private static final int[] RAMP = {
    0x440154, 0x46327E, 0x365C8D, 0x277F8E, 0x1FA187, 0x4AC16D, 0xA0DA39
  };

  /** The colour of value {@code i} of {@code n} ordered values (small lr dark, large lr light). */
  static Color ramp(int i, int n) {
    double t = n <= 1 ? 0 : (double) i / (n - 1) * (RAMP.length - 1);
    int k = Math.min(RAMP.length - 2, (int) Math.floor(t));
    double f = t - k;
    Color a = new Color(RAMP[k]);
    Color b = new Color(RAMP[k + 1]);
    return new Color(
        (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
  }

  /** Share converged, 0 (white) to 1 (deep blue), for the convergence map's cells. */
  static Color share(double share) {
    int[] stops = {0xF7FBFF, 0xC6DBEF, 0x6BAED6, 0x2171B5, 0x08306B};
    double t = Math.max(0, Math.min(1, share)) * (stops.length - 1);
    int k = Math.min(stops.length - 2, (int) Math.floor(t));
    double f = t - k;
    Color a = new Color(stops[k]);
    Color b = new Color(stops[k + 1]);
    return new Color(
        (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
  }

  static Color translucent(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
  }

  /** The colour of a diagnosis label ({@code converged}, {@code wrong-objective}, ...). */
  static Color diagnosis(String label) {
    Diagnosis diagnosis = Diagnoses.parse(label);
    if (diagnosis == null) {
      return GREY;
    }
    return switch (diagnosis) {
      case CONVERGED -> GREEN;
      case WRONG_OBJECTIVE -> VERMILLION;
      case STEP_BUDGET -> ORANGE;
      case DIVERGED -> INK;
      case NOISE_FLOOR -> PURPLE;
      case OSCILLATION -> WINE;
      case NOT_CONVERGED -> SKY;
    };
  }

  static String hex(Color color) {
    return String.format(Locale.ROOT, "#%06x", color.getRGB() & 0xFFFFFF);
  }
}
