package org.batchsweep.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One paragraph per setting comparing the critical batch size measured by the sweep with the one
 * the gradient noise predicts: "critical batch size measured ≈ X (S_min …, E_min …); predicted
 * B_noise ≈ Y". With many settings, the first few and a count of the rest.
 */
public final class CriticalBatchAnswer {

  static final int MAX_SETTINGS = 6;

  private CriticalBatchAnswer() {}

  static List<String> paragraphs(BatchScaling scaling) {
    List<String> out = new ArrayList<>();
    List<BatchScaling.Setting> settings = scaling.settings();
    for (BatchScaling.Setting s : settings.subList(0, Math.min(MAX_SETTINGS, settings.size()))) {
      out.add(sentence(s, scaling));
    }
    if (settings.size() > MAX_SETTINGS) {
      out.add(
          String.format(
              Locale.ROOT,
              "... and %d more settings: ./submit sql \"SELECT * FROM batch_scaling\".",
              settings.size() - MAX_SETTINGS));
    }
    return out;
  }

  static String sentence(BatchScaling.Setting s, BatchScaling scaling) {
    String predicted =
        String.format(
            Locale.ROOT,
            "predicted B_noise ≈ %s (halfway to the line; %s at zero)",
            number(scaling.bNoiseHalfway()),
            number(scaling.bNoiseZero()));
    double finite = s.bNoisePredicted();
    if (!(Math.abs(finite / scaling.bNoiseHalfway() - 1) <= 0.01)) {
      // Epochs draw batches without replacement, which shrinks the noise of large batches.
      predicted +=
          String.format(
              Locale.ROOT,
              ", %s for batches drawn without replacement from %d points",
              Double.isNaN(finite) ? "unbounded" : number(finite),
              scaling.n());
    }
    String head = "Critical batch size, " + s.label() + ": ";
    if (!s.fitted()) {
      return head + s.note() + "; " + predicted + ".";
    }
    if (Double.isNaN(s.bCrit())) {
      return head
          + s.note()
          + String.format(Locale.ROOT, " (fit R² %.3f); ", s.r2())
          + predicted
          + ".";
    }
    List<Integer> sizes = s.batchSizes();
    String protocol =
        s.lrsTried() == 1
            ? "one lr for every batch size, not tuned per batch size as the model assumes"
            : "best of " + s.lrsTried() + " lrs per batch size";
    return head
        + String.format(
            Locale.ROOT,
            "measured ≈ %s (S_min %s steps, E_min %s examples, fit R² %.3f over %d of %d batch sizes,"
                + " B %d-%d, %s); ",
            number(s.bCrit()),
            number(s.sMin()),
            number(s.eMin()),
            s.r2(),
            sizes.size(),
            s.tried(),
            sizes.get(0),
            sizes.get(sizes.size() - 1),
            protocol)
        + predicted
        + String.format(
            Locale.ROOT, ": measured/predicted = %s.", number(s.bCrit() / scaling.bNoiseHalfway()));
  }

  /** Three significant digits, without exponent for the magnitudes a sweep produces. */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
