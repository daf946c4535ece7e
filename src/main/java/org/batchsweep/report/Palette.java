package org.batchsweep.report;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.batchsweep.diagnose.Diagnosis;

/**
 * The report's colours: the Okabe–Ito palette (its yellow, too pale on white, swapped for wine), distinguishable with the common colour-vision
 * deficiencies, and one fixed colour per diagnosis so the table and the trajectories agree.
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
