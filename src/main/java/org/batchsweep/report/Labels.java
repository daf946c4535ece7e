package org.batchsweep.report;

import java.math.BigDecimal;
import java.util.Locale;
import org.batchsweep.core.Reference;

/** How configuration values read in legends, tables and titles. */
final class Labels {

  private Labels() {}

  static String shuffle(boolean shuffle) {
    return shuffle ? "shuffled" : "fixed order";
  }

  /** A number without trailing zeros or exponent: 0.01, 100, 0.9. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * A value of a grid axis as a reader wants it: exact when short ({@code 0.001}, {@code 0.9}),
   * else to three significant digits ({@code 0.316} for logspace's 10^-0.5).
   */
  static String readable(double value) {
    String exact = number(value);
    return exact.length() > 8 ? compact(value) : exact;
  }

  /** One axis value as it reads on its own: {@code lr 0.01}, {@code B 100}, {@code 200 epochs}. */
  static String axisValue(String column, Object value) {
    String text = value instanceof Double d ? readable(d) : String.valueOf(value);
    return switch (column) {
      case "batch_size" -> "B " + text;
      case "epochs" -> text + " epochs";
      case "shuffle" -> shuffle(Boolean.TRUE.equals(value));
      case "optimizer", "precision", "loss" -> text;
      default -> column + " " + text;
    };
  }

  /** The axis's name as a title: {@code batch size}, {@code learning rate}, ... */
  static String axisTitle(String column) {
    return switch (column) {
      case "batch_size" -> "batch size";
      case "lr" -> "learning rate";
      case "shuffle" -> "data order";
      default -> column.replace('_', ' ');
    };
  }

  /** A number to three significant digits, without trailing zeros: 0.00316, 12.3, 3e+38. */
  static String compact(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value != 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-4)) {
      return String.format(Locale.ROOT, "%.2e", value).replaceAll("\\.?0+e", "e");
    }
    return new BigDecimal(value)
        .round(new java.math.MathContext(3))
        .stripTrailingZeros()
        .toPlainString();
  }

  static String fixed(double value, int decimals) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "–";
  }

  static String significant(double value, int digits) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + digits + "g", value) : "–";
  }

  /**
   * The first quantity the figures draw: the slope for one feature; with several, the weight error
   * max_j |w_j − w*_j| (the runs table's weight_error), whose target is 0.
   */
  static String firstQuantity(Reference reference) {
    return reference.features() == 1 ? "slope" : "weight error";
  }

  /** Where {@link #firstQuantity} should end: the reference slope, or 0 for the weight error. */
  static double firstTarget(Reference reference) {
    return reference.features() == 1 ? reference.slope() : 0.0;
  }
}
