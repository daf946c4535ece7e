package org.batchsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void aShortValueReadsExactlyALongOneToThreeDigits() {
    assertThat(Labels.readable(0.001)).isEqualTo("0.001");
    assertThat(Labels.readable(0.9)).isEqualTo("0.9");
    assertThat(Labels.readable(1000)).isEqualTo("1000");
    assertThat(Labels.readable(Math.pow(10, -0.5))).isEqualTo("0.316");
    assertThat(Labels.readable(0.0031622776601683794)).isEqualTo("0.00316");
    assertThat(Labels.readable(1.0e-7)).isEqualTo("1e-07");
  }

  @Test
  void anAxisValueIsReadableToo() {
    assertThat(Labels.axisValue("lr", Math.pow(10, -0.5))).isEqualTo("lr 0.316");
    assertThat(Labels.axisValue("batch_size", 100)).isEqualTo("B 100");
  }
}
