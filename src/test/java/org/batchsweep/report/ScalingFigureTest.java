package org.batchsweep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.batchsweep.answer.BatchScaling;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYSeries;

/** The steps-to-target figure, from stored rows built here. */
class ScalingFigureTest {

  private static final List<Integer> SIZES = List.of(1, 10, 100, 1000);

  private static BatchScaling scaling() {
    List<Double> steps = SIZES.stream().map(b -> 40.0 * (1 + 24.0 / b)).toList();
    BatchScaling.Setting fitted =
        new BatchScaling.Setting(
            "optimizer=sgd",
            40.0,
            960.0,
            24.0,
            0.4368,
            0.994,
            SIZES,
            steps,
            List.of(0.03, 0.3, 0.5, 0.5),
            4,
            "fitted on 4 of 4 batch sizes",
            17);
    BatchScaling.Setting tooFew =
        new BatchScaling.Setting(
            "optimizer=adam",
            Double.NaN,
            Double.NaN,
            Double.NaN,
            0.4368,
            Double.NaN,
            List.of(10, 20),
            List.of(500.0, 300.0),
            List.of(0.01, 0.01),
            12,
            "too few converged batch sizes to fit: 2 of 12 (a fit needs 3)",
            17);
    return new BatchScaling(List.of(tooFew, fitted), 0.4342, 0.4361, 1000);
  }

  @Test
  void theFigureDrawsMeasuredFitPerfectScalingAndBothMarks() {
    Figure figure = ScalingFigure.of(scaling());
    assertThat(figure.panels()).hasSize(2);
    XYSeries measured = figure.series(1, ScalingFigure.MEASURED);
    assertThat(measured.getXData()).containsExactly(1.0, 10.0, 100.0, 1000.0);
    XYSeries fit = figure.series(1, ScalingFigure.FITTED);
    double b = fit.getXData()[7];
    assertThat(fit.getYData()[7]).isCloseTo(40 * (1 + 24 / b), within(1e-9));
    assertThat(figure.series(1, ScalingFigure.PERFECT).getYData()[7])
        .isCloseTo(960 / b, within(1e-9));
    assertThat(figure.series(1, ScalingFigure.B_NOISE).getXData()).containsExactly(0.4361, 0.4361);
    assertThat(figure.series(1, ScalingFigure.B_CRIT).getXData()).containsExactly(24.0, 24.0);
    // The setting without a fit still shows its points and the prediction, and no fit.
    assertThat(figure.series(0, ScalingFigure.MEASURED).getXData()).containsExactly(10.0, 20.0);
    assertThat(figure.png()).isNotEmpty();
  }
}
