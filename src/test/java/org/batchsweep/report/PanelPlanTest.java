package org.batchsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelPlanTest {

  private static final List<String> COLUMNS = List.of("loss", "optimizer", "shuffle", "lr");

  /** Every combination of the given optimizers, shuffle settings and learning rates, loss mse. */
  private static List<Setting> grid(List<String> optimizers, int lrs) {
    List<Setting> settings = new ArrayList<>();
    for (String optimizer : optimizers) {
      for (boolean shuffle : List.of(false, true)) {
        for (int i = 0; i < lrs; i++) {
          settings.add(
              new Setting(COLUMNS, List.of("mse", optimizer, shuffle, Math.pow(10, -3 + 0.5 * i))));
        }
      }
    }
    return settings;
  }

  @Test
  void givenFourOptimizersAndSixLrs_thenAPanelPerOptimizerAndShuffle_withALinePerLr() {
    List<Setting> settings = grid(List.of("adagrad", "adam", "rmsprop", "sgd"), 6);

    PanelPlan plan = PanelPlan.of(settings, List.of("optimizer", "shuffle", "lr"), 8, 24);

    assertThat(plan.inner()).isEqualTo("lr");
    assertThat(plan.panels()).hasSize(8);
    assertThat(plan.panels()).allSatisfy(p -> assertThat(p.settings()).hasSize(6));
    assertThat(plan.panels().get(0).title()).isEqualTo("adagrad · fixed order");
    assertThat(plan.panels()).extracting(PanelPlan.Panel::title).doesNotHaveDuplicates();
    assertThat(plan.leftOut()).isEmpty();
    assertThat(plan.panels().stream().mapToInt(p -> p.settings().size()).sum())
        .as("every setting drawn once")
        .isEqualTo(settings.size());
  }

  @Test
  void givenMoreValuesThanLinesAPanelHolds_thenTheyAreSplitOverPanelsWithTheirRangeInTheTitle() {
    PanelPlan plan = PanelPlan.of(grid(List.of("adam"), 10), List.of("shuffle", "lr"), 8, 24);

    assertThat(plan.panels()).hasSize(4);
    assertThat(plan.panels()).allSatisfy(p -> assertThat(p.settings()).hasSizeLessThanOrEqualTo(8));
    assertThat(plan.panels()).extracting(PanelPlan.Panel::title).doesNotHaveDuplicates();
    assertThat(plan.panels().get(0).title()).startsWith("fixed order · lr 0.001 to ");
    assertThat(plan.leftOut()).isEmpty();
  }

  @Test
  void givenFarTooManyValues_thenEightAreDrawnEvenlySpreadAndTheRestNamedAsLeftOut() {
    PanelPlan plan = PanelPlan.of(grid(List.of("adam"), 40), List.of("shuffle", "lr"), 8, 24);

    assertThat(plan.panels()).hasSize(2);
    assertThat(plan.panels()).allSatisfy(p -> assertThat(p.settings()).hasSize(8));
    assertThat(plan.leftOut())
        .singleElement()
        .asString()
        .contains("8 of the 40 values of learning rate");
    assertThat(plan.panels().get(0).settings().get(0).get("lr")).isEqualTo(0.001);
    assertThat(plan.panels().get(0).settings().get(7).get("lr"))
        .isEqualTo(Math.pow(10, -3 + 0.5 * 39));
  }

  @Test
  void givenMorePanelsThanTheCap_thenTheCapHoldsAndTheRestAreCounted() {
    List<String> optimizers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      optimizers.add("opt" + (char) ('a' + i));
    }
    PanelPlan plan =
        PanelPlan.of(grid(optimizers, 3), List.of("optimizer", "shuffle", "lr"), 8, 24);

    assertThat(plan.panels()).hasSize(24);
    assertThat(plan.leftOut())
        .singleElement()
        .asString()
        .startsWith("16 more settings of the other axes are not drawn");
  }

  @Test
  void givenNoLearningRateAxis_thenTheAxisWithMostValuesVariesWithinAPanel() {
    List<String> columns = List.of("loss", "optimizer", "shuffle", "momentum");
    List<Setting> settings = new ArrayList<>();
    for (String o : List.of("adam", "sgd")) {
      for (double m : new double[] {0, 0.5, 0.9}) {
        settings.add(new Setting(columns, List.of("mse", o, true, m)));
      }
    }

    PanelPlan plan = PanelPlan.of(settings, List.of("optimizer", "momentum"), 8, 24);

    assertThat(plan.inner()).isEqualTo("momentum");
    assertThat(plan.panels()).extracting(PanelPlan.Panel::title).containsExactly("adam", "sgd");
  }

  @Test
  void givenOneSetting_thenOnePanelWithOneLine() {
    List<Setting> one = List.of(new Setting(List.of("loss", "shuffle"), List.of("mse", true)));

    PanelPlan plan = PanelPlan.of(one, List.of(), 8, 24);

    assertThat(plan.inner()).isNull();
    assertThat(plan.panels()).singleElement().satisfies(p -> assertThat(p.settings()).hasSize(1));
  }
}
