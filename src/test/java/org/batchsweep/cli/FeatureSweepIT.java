package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.batchsweep.testing.Submit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own table with five raw-unit features, through ./submit: SGD on the raw columns is
 * diagnosed with the ill-conditioning that its column scales cause, the computed fix is
 * standardization and it is verified by training, the same SGD on standardized features converges,
 * and the tables, explain and the report carry the weights.
 */
class FeatureSweepIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double[] SCALES = {1, 10, 100, 1000, 3};
  private static final double[] WEIGHTS = {2.0, -1.0, 0.5, 1.5, -0.8};

  @TempDir Path work;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void rawFeaturesAreDiagnosedAndStandardizationFixesThem() throws Exception {
    Path csv = work.resolve("houses.csv");
    StringBuilder text = new StringBuilder("rooms,age,area,price_index,floors,y\n");
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 400; i++) {
      double y = 0.5;
      for (int j = 0; j < SCALES.length; j++) {
        double x = random.nextDouble() * SCALES[j];
        y += WEIGHTS[j] * x;
        text.append(String.format(Locale.ROOT, "%.6f,", x));
      }
      text.append(String.format(Locale.ROOT, "%.6f%n", y + 0.05 * random.nextGaussian()));
    }
    Files.writeString(csv, text);

    Submit submit = new Submit(work);
    Submit.Result run =
        submit.run(
            "--master",
            "local[2]",
            "run",
            "--sweep-id",
            "houses",
            "--out",
            "out",
            "--set",
            "data.kind=csv",
            "--set",
            "data.path=" + csv,
            "--set",
            "train.epochs=40",
            "--set",
            "grid.batch_size=[20, 100]",
            "--set",
            "grid.shuffle=[true]",
            "--set",
            "grid.loss=[mse]",
            "--set",
            "grid.optimizer=[sgd]",
            "--set",
            "grid.lr=[0.000001, 0.1]",
            "--set",
            "grid.scale=[none, standardize]",
            "--set",
            "grid.seed=[0]",
            "--set",
            "fixes.max_per_kind=1");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("condition number").contains("·x5");

    Submit.Result raw =
        submit.run(
            "sql",
            "SELECT size(weights) AS d, slope IS NULL AS no_slope, diagnosis, detail FROM runs"
                + " WHERE scale = 'none' AND lr < 0.001 AND batch_size = 20",
            "--format",
            "json",
            "--out",
            "out");
    assertThat(raw.exitCode()).as(raw.stderr()).isZero();
    JsonNode crawl = JSON.readTree(raw.stdout().lines().findFirst().orElseThrow());
    assertThat(crawl.get("d").asInt()).isEqualTo(5);
    assertThat(crawl.get("no_slope").asBoolean()).isTrue();
    assertThat(crawl.get("diagnosis").asText()).isEqualTo("step-budget");
    assertThat(crawl.get("detail").asText())
        .contains("ill-conditioned")
        .contains("price_index")
        .contains("scale: standardize");

    Submit.Result standardized =
        submit.run(
            "sql",
            "SELECT count(*) AS runs, sum(CAST(converged AS INT)) AS converged FROM runs"
                + " WHERE scale = 'standardize' AND lr = 0.1",
            "--format",
            "json",
            "--out",
            "out");
    JsonNode converged = JSON.readTree(standardized.stdout().lines().findFirst().orElseThrow());
    assertThat(converged.get("converged").asInt()).isEqualTo(converged.get("runs").asInt());

    Submit.Result fixes =
        submit.run(
            "sql",
            "SELECT change, converged, size(weights) AS d FROM fixes WHERE setting LIKE '%scale=none%'"
                + " AND diagnosis = 'step-budget'",
            "--format",
            "json",
            "--out",
            "out");
    JsonNode fix = JSON.readTree(fixes.stdout().lines().findFirst().orElseThrow());
    assertThat(fix.get("change").asText()).startsWith("scale=standardize");
    assertThat(fix.get("converged").asBoolean()).isTrue();
    assertThat(fix.get("d").asInt()).isEqualTo(5);

    Submit.Result reference =
        submit.run(
            "sql",
            "SELECT size(weights) AS d, condition_number FROM reference",
            "--format",
            "json",
            "--out",
            "out");
    JsonNode ref = JSON.readTree(reference.stdout().lines().findFirst().orElseThrow());
    assertThat(ref.get("d").asInt()).isEqualTo(5);
    assertThat(ref.get("condition_number").asDouble()).isGreaterThan(1e4);

    Submit.Result explain =
        submit.run("explain", "--sweep-id", "houses", "--format", "json", "--out", "out");
    assertThat(explain.exitCode()).as(explain.stderr()).isZero();
    assertThat(explain.stdout().lines()).hasSize(4); // lr × scale
    assertThat(Files.exists(work.resolve("out/report/houses/index.html"))).isTrue();
  }
}
