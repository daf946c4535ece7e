package org.batchsweep.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchsweep.diagnose.Curvature;
import org.batchsweep.store.SettingAxes;
import org.junit.jupiter.api.Test;

/** The answer model from hand-made aggregates: JSON contract, wording per optimizer, condensing. */
class SweepAnswersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Curvature CURVATURE = Curvature.of(0.5, 1.0 / 12);

  private static Setting setting(Object... keyValues) {
    LinkedHashMap<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new Setting(values);
  }

  private static Cell cell(
      Setting s,
      String optimizer,
      double lr,
      int batch,
      String diagnosis,
      long runs,
      long converged) {
    return new Cell(
        s, optimizer, lr, 0.0, "mse", false, batch, diagnosis, runs, converged, -4.0, 100, 540);
  }

  private static SweepAnswers answers(
      List<Cell> cells, List<String> varying, Map<Setting, Map<String, FixResult>> fixes) {
    return SweepAnswers.build(
        "s1",
        new SettingAxes(List.of("optimizer", "lr", "momentum", "loss", "shuffle"), varying),
        cells,
        fixes,
        -4.0,
        CURVATURE,
        !fixes.isEmpty(),
        List.of());
  }

  @Test
  void jsonHasExactlyTheContractKeysAndConvergedBatchSizesAreWhereAtLeastHalfConverged()
      throws Exception {
    Setting adam = setting("optimizer", "adam", "lr", 0.01);
    Setting sgd = setting("optimizer", "sgd", "lr", 3.0);
    List<Cell> cells =
        List.of(
            cell(adam, "adam", 0.01, 10, "converged", 1, 1),
                cell(adam, "adam", 0.01, 10, "step-budget", 1, 0),
            cell(adam, "adam", 0.01, 20, "converged", 1, 1),
                cell(adam, "adam", 0.01, 20, "step-budget", 2, 0),
            cell(sgd, "sgd", 3.0, 10, "converged", 2, 2),
                cell(sgd, "sgd", 3.0, 20, "converged", 2, 2));
    FixResult fix =
        new FixResult("step-budget", Change.parse("epochs=600"), "epochs=600", 3, 2, true);
    List<String> lines =
        answers(cells, List.of("optimizer", "lr"), Map.of(adam, Map.of("step-budget", fix)))
            .jsonLines();
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines.get(0));
    List<String> keys = new ArrayList<>();
    first.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "sweep_id",
            "setting",
            "runs",
            "converged",
            "converged_batch_sizes",
            "diagnoses",
            "main_failure",
            "text",
            "fix");
    assertThat(first.get("setting").toString()).isEqualTo("{\"optimizer\":\"adam\",\"lr\":0.01}");
    assertThat(first.get("runs").asLong()).isEqualTo(5);
    assertThat(first.get("converged_batch_sizes").toString()).isEqualTo("[10]");
    assertThat(first.get("diagnoses").toString()).isEqualTo("{\"converged\":2,\"step-budget\":3}");
    assertThat(first.get("main_failure").asText()).isEqualTo("step-budget");
    assertThat(first.get("fix").toString())
        .isEqualTo("{\"change\":{\"epochs\":600},\"tried\":3,\"converged\":2}");
    assertThat(first.get("text").asText())
        .contains("verified: 2 of 3")
        .contains("did not work for 1");
    JsonNode second = JSON.readTree(lines.get(1));
    assertThat(second.get("main_failure").isNull()).isTrue();
    assertThat(second.get("fix").isNull()).isTrue();
    assertThat(second.get("converged_batch_sizes").toString()).isEqualTo("[10,20]");
  }

  @Test
  void withNothingVaryingTheSettingIsEmpty() throws Exception {
    List<Cell> cells = List.of(cell(setting(), "adam", 0.01, 10, "converged", 3, 3));
    JsonNode line = JSON.readTree(answers(cells, List.of(), Map.of()).jsonLines().get(0));
    assertThat(line.get("setting").toString()).isEqualTo("{}");
  }

  @Test
  void theWordsFitTheOptimizer() {
    Setting adam = setting("optimizer", "adam");
    Setting sgd = setting("optimizer", "sgd");
    List<Cell> cells =
        List.of(
            cell(adam, "adam", 0.01, 1000, "step-budget", 5, 0),
            cell(sgd, "sgd", 0.01, 1000, "step-budget", 5, 0),
            cell(sgd, "sgd", 3.0, 10, "diverged", 5, 0));
    List<SettingAnswer> settings = answers(cells, List.of("optimizer"), Map.of()).settings();
    assertThat(settings.get(0).text())
        .contains("Adam moves each parameter by about lr = 0.01")
        .doesNotContain("SGD");
    double limit = CURVATURE.stabilityLimit(0);
    assertThat(settings.get(1).text())
        .doesNotContain("Adam")
        .contains("1 − lr·λ_min")
        .contains(
            String.format(java.util.Locale.ROOT, "stability limit 2(1+μ)/λ_max = %.3g", limit))
        .contains("fix not verified");
  }

  @Test
  void manySettingsCondenseAndNotConvergedRunsAreNeverDropped() {
    List<Cell> cells = new ArrayList<>();
    for (String optimizer : List.of("adam", "sgd")) {
      for (double lr : new double[] {0.001, 0.01, 0.1, 1, 3}) {
        for (boolean shuffle : new boolean[] {false, true}) {
          for (double momentum : new double[] {0, 0.5, 0.9}) {
            Setting s =
                setting("optimizer", optimizer, "lr", lr, "momentum", momentum, "shuffle", shuffle);
            cells.add(
                new Cell(
                    s,
                    optimizer,
                    lr,
                    momentum,
                    "mse",
                    shuffle,
                    10,
                    "converged",
                    2,
                    2,
                    -4,
                    100,
                    10));
            cells.add(
                new Cell(
                    s,
                    optimizer,
                    lr,
                    momentum,
                    "mse",
                    shuffle,
                    1000,
                    lr > 0.5 ? "not-converged" : "step-budget",
                    2,
                    0,
                    -4,
                    100,
                    500));
          }
        }
      }
    }
    SweepAnswers answers =
        answers(cells, List.of("optimizer", "lr", "momentum", "shuffle"), Map.of());
    List<String> paragraphs = answers.paragraphs();
    assertThat(answers.settings()).hasSize(60);
    assertThat(paragraphs.size()).isLessThan(10);
    String all = String.join("\n", paragraphs);
    assertThat(all)
        .contains("Best settings")
        .contains("Learning rates")
        .contains("Worst failures")
        .contains("55 more settings")
        .contains("not-converged 48 runs")
        .contains("48 runs are not-converged");
    assertThat(answers.table(20).lines().count()).isEqualTo(22);
    assertThat(answers.table(20)).contains("40 more settings");
  }
}
