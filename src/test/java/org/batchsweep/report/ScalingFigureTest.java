package org.batchsweep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.batchsweep.answer.BatchScalingSamples;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYSeries;

/** The steps-to-target figure, from stored rows built here. */
class ScalingFigureTest {

  @Test
  void theFigureDrawsMeasuredFitPerfectScalingAndBothMarks() {
    Figure figure = ScalingFigure.of(BatchScalingSamples.scaling());
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
