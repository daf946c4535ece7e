package org.batchsweep.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.batchsweep.BadInputException;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Precision;
import org.batchsweep.core.Scale;
import org.batchsweep.spec.DataSpec.DataKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecLoaderTest {

  private static SweepSpec load(String... overrides) {
    return SpecLoader.loadText("", "test", List.of(overrides));
  }

  @Test
  void specsParseTheSameUnderATurkishDefaultLocale() {
    // "line".toUpperCase() in Turkish is "LİNE" (dotted capital I): no such data kind.
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
      SweepSpec spec = SpecLoader.loadText("", "test", List.of("grid.shuffle=[true]"));
      assertThat(spec.data().kind().label()).isEqualTo("line");
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }

  @Test
  void anEmptySpecIsTheDesignDefaults() {
    SweepSpec spec = load();
    assertThat(spec.data().kind()).isEqualTo(DataKind.LINE);
    assertThat(spec.data().slope()).isEqualTo(-4.0);
    assertThat(spec.data().n()).isEqualTo(1000);
    assertThat(spec.data().noise()).isEqualTo(0.05);
    assertThat(spec.data().freshValidation()).isTrue();
    assertThat(spec.train().epochs()).isEqualTo(100);
    assertThat(spec.train().precision()).isEqualTo(Precision.FLOAT32);
    assertThat(spec.train().init()).isEqualTo(Init.KAIMING);
    assertThat(spec.grid().batchSize())
        .isEqualTo(IntStream.rangeClosed(1, 100).map(i -> 10 * i).boxed().toList());
    assertThat(spec.grid().shuffle()).containsExactly(false, true);
    assertThat(spec.grid().loss()).containsExactly(Loss.MSE_BROADCAST, Loss.MSE);
    assertThat(spec.grid().optimizer()).containsExactly("adam");
    assertThat(spec.converged().slopeTol()).isEqualTo(0.05);
    assertThat(Grid.size(spec.grid())).isEqualTo(400);
  }

  @Test
  void theShippedSeedSpecIsTheSeedExperiment(@TempDir Path dir) throws Exception {
    SweepSpec spec =
        SpecLoader.load(
            Path.of(System.getProperty("user.dir"), "conf/sweeps/seed.yaml"), List.of());
    assertThat(spec.name()).isEqualTo("seed");
    assertThat(spec.grid().seed()).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(Grid.size(spec.grid())).isEqualTo(2000);
  }

  @Test
  void overridesUseDottedKeysAndYamlFlowValues() {
    SweepSpec spec =
        load(
            "grid.lr=[0.1,0.01]",
            "grid.batch_size=[5, 50]",
            "train.init.slope=0.3",
            "data.x_range=[-1, 2]",
            "train.precision=float64",
            "grid.optimizer=sgd",
            "grid.momentum=[0, 0.9]",
            "grid.epochs=[10, 20]",
            "name=mine");
    assertThat(spec.grid().lr()).containsExactly(0.1, 0.01);
    assertThat(spec.grid().batchSize()).containsExactly(5, 50);
    assertThat(spec.train().init()).isEqualTo(new Init(0.3, null));
    assertThat(spec.data().xMin()).isEqualTo(-1.0);
    assertThat(spec.train().precision()).isEqualTo(Precision.FLOAT64);
    assertThat(spec.grid().optimizer()).containsExactly("sgd");
    assertThat(spec.grid().epochs()).containsExactly(10, 20);
    assertThat(spec.name()).isEqualTo("mine");
    assertThat(spec.yaml()).contains("name: mine").contains("slope: 0.3");
  }

  @Test
  void aSpecFileMergesOntoTheDefaultsKeyByKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.writeString(
        file,
        "name: small\ngrid:\n  batch_size: [10, 20]\n  seed: [1]\ntrain:\n  init: {slope: 1.5, intercept: -2}\n");
    SweepSpec spec = SpecLoader.load(file, List.of("grid.seed=[2,3]"));
    assertThat(spec.grid().batchSize()).containsExactly(10, 20);
    assertThat(spec.grid().seed()).containsExactly(2L, 3L);
    assertThat(spec.grid().shuffle()).containsExactly(false, true);
    assertThat(spec.train().init()).isEqualTo(new Init(1.5, -2.0));
  }

  @Test
  void linspaceTruncatesLikeIntOfNumpyLinspaceAndKeepsRepeatsOnce() {
    assertThat(load("grid.batch_size=linspace(1, 10, 4)").grid().batchSize())
        .containsExactly(1, 4, 7, 10);
    assertThat(load("grid.batch_size=linspace(1, 2, 5)").grid().batchSize()).containsExactly(1, 2);
    assertThat(load("grid.batch_size=linspace(10, 20, 3)").grid().batchSize())
        .containsExactly(10, 15, 20);
    assertThat(load("grid.lr=logspace(-3, -1, 3)").grid().lr())
        .hasSize(3)
        .satisfies(
            l ->
                assertThat(l.get(0))
                    .isCloseTo(0.001, org.assertj.core.api.Assertions.within(1e-15)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "data.n=1              | data.n: got 1; accepted: an integer from 2",
        "data.n=2.5            | data.n: got 2.5; accepted: an integer",
        "data.n=abc            | data.n: got 'abc'",
        "data.noise=-1         | data.noise: got -1; accepted: a number ≥ 0",
        "data.noise=NaN        | data.noise: got 'NaN'; accepted: a number ≥ 0",
        "data.noise=.nan       | --set data.noise: the value '.nan' is not valid YAML",
        "data.slope=.inf       | --set data.slope: the value '.inf' is not valid YAML",
        "data.slope=1e400      | data.slope: got Infinity; accepted: a finite number",
        "data.kind=xml         | data.kind: got 'xml'; accepted: line | linear | csv | parquet",
        "data.kind=csv         | data.path: data.kind csv needs a file with a label column and feature columns",
        "data.path=a.csv       | data.path is set but data.kind is line",
        "data.x_range=[1, 0]   | data.x_range: got a list [1,0]; accepted: [min, max] with min < max",
        "data.validation=maybe | data.validation: got 'maybe'; accepted: fresh | none",
        "data.slop=1           | unknown key 'data.slop'; accepted under data: ",
        "bogus=1               | unknown key 'bogus'; accepted: converged, data, fixes, grid, limits, name, optim, train",
        "train.epochs=0        | train.epochs: got 0; accepted: an integer from 1",
        "fixes.max_per_kind=0  | fixes.max_per_kind: got 0; accepted: an integer from 1 to 100",
        "fixes.enabled=maybe   | fixes.enabled: got 'maybe'",
        "train.precision=f16   | train.precision: got 'f16'; accepted: float32 | float64",
        "train.init=zeros      | train.init: got 'zeros'; accepted: kaiming, {slope: S, intercept: I} or {weights: [W1, ...], intercept: I}",
        "train.init.bias=1     | unknown key 'train.init.bias'; accepted under train.init: intercept, slope, weights",
        "train.record_epochs=1 | train.record_epochs: got 1; accepted: true or false",
        "grid.batch_size=[0]   | grid.batch_size: 0 is not a batch size; accepted: integers ≥ 1",
        "grid.batch_size=[2.5] | grid.batch_size: 2.5 is not a batch size",
        "grid.batch_size=[]    | grid.batch_size: the axis is empty",
        "grid.batch_size=linspace(1, 10) | grid.batch_size: 'linspace(1, 10)' is not a list of values",
        "grid.lr=[0]           | grid.lr: 0 is not a learning rate; accepted: numbers > 0",
        "grid.lr=[-0.1]        | grid.lr: -0.1 is not a learning rate",
        "grid.lr=[1e999]       | grid.lr: Infinity is not a learning rate",
        "grid.lr=[fast]        | grid.lr: 'fast' is not a number; accepted: numbers > 0",
        "grid.momentum=[1]     | grid.momentum: 1 is not a momentum; accepted: numbers in [0, 1)",
        "grid.loss=[mae]       | grid.loss: got 'mae'; accepted: mse, mse-broadcast",
        "grid.optimizer=[lbfgs] | grid.optimizer: got 'lbfgs'; accepted: adam, adamw, sgd, rmsprop, adagrad",
        "grid.shuffle=[maybe]  | grid.shuffle: got 'maybe'; accepted: true, false",
        "grid.shuffle=[]       | grid.shuffle: the axis is empty",
        "grid.seed=[0.5]       | grid.seed: 0.5 is not a seed; accepted: integers",
        "grid.epochs=[0]       | grid.epochs: 0 is not an epoch count",
        "converged.slope_tol=0 | converged.slope_tol: got 0; accepted: a number > 0",
        "limits.max_runs=10    | grid: 400 runs is more than limits.max_runs = 10",
        "grid.batch_size=linspace(1, 1000, 20000000) | grid.batch_size: linspace count must be a whole number from 1 to 10000000",
        "noequals              | --set noequals: expected key=value",
        "data..n=3             | --set data..n: empty key segment",
        "grid.lr=[0.1          | --set grid.lr: the value '[0.1' is not valid YAML",
      })
  void everyInvalidValueIsRefusedWithTheKeyTheValueAndWhatIsAccepted(
      String override, String message) {
    assertThatThrownBy(() -> load(override))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(message.strip())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "data.kind=linear | data.weights: data.kind linear needs the true weights, one per feature",
        "data.kind=linear; data.weights=[] | data.weights: got a list []; accepted: null or a list of finite numbers, one per feature",
        "data.kind=linear; data.weights=[1, a] | data.weights: got 'a'; accepted: null or a list of finite numbers",
        "data.kind=linear; data.weights=7 | data.weights: got 7; accepted: null or a list of finite numbers",
        "data.kind=linear; data.weights=[1, 2]; data.feature_scales=[1] | data.feature_scales: got a list [1]; accepted: null or a list of numbers > 0, one per weight",
        "data.kind=linear; data.weights=[1, 2]; data.feature_scales=[1, 0] | data.feature_scales: got a list [1,0]; accepted: null or a list of numbers > 0",
        "data.kind=linear; data.weights=[1, 2, 3]; data.n=4 | data.n: 4 points for 3 weights; accepted: at least features + 2 = 5 points",
        "data.kind=linear; data.weights=[1, 2, 3]; data.n=1000000000 | data.n: 1000000000 points of 3 features are more values than one array holds; accepted: n·d ≤ 2147483639",
        "data.kind=linear; data.weights=[1, 2, 3]; limits.max_features=2 | data.weights: 3 weights is more than limits.max_features = 2",
        "data.kind=linear; data.weights=[1]; data.path=a.csv | data.path is set but data.kind is linear",
        "data.weights=[1, 2] | data.weights is set but data.kind is line; set data.kind=linear",
        "data.feature_scales=[2] | data.feature_scales is set but data.kind is line",
        "data.features=[a] | data.features is set but data.kind is line",
        "data.label=z | data.label is 'z' but data.kind is line",
        "data.kind=csv; data.path=a.csv; data.weights=[1] | data.weights is set but data.kind is csv",
        "data.kind=csv; data.path=a.csv; data.features=[] | data.features: got a list []; accepted: null (every column but the label) or a list of distinct column names",
        "data.kind=csv; data.path=a.csv; data.features=[a, a] | data.features: got a list [\"a\",\"a\"]",
        "data.kind=csv; data.path=a.csv; data.features=[a, 1] | data.features: got a list [\"a\",1]",
        "data.kind=csv; data.path=a.csv; data.features=[a, Y] | data.features: got a list [\"a\",\"Y\"]; accepted: null (every column but the label) or a list of distinct column names, none of them the label y",
        "data.kind=csv; data.path=a.csv; data.label= | data.label: got nothing (null); accepted: a column name",
        "data.kind=csv; data.path=a.csv; data.features=[a, b, c]; limits.max_features=2 | data.features: 3 features is more than limits.max_features = 2",
        "limits.max_features=0 | limits.max_features: got 0; accepted: an integer from 1 to 1000",
        "limits.max_features=5000 | limits.max_features: got 5000; accepted: an integer from 1 to 1000",
        "grid.scale=[minmax] | grid.scale: got 'minmax'; accepted: none, standardize",
        "grid.scale=[] | grid.scale: the axis is empty",
        "converged.excess_mse_rel=-0.1 | converged.excess_mse_rel: got -0.1; accepted: null or a number ≥ 0",
        "converged.excess_mse_rel=abc | converged.excess_mse_rel: got 'abc'; accepted: null or a number ≥ 0",
        "train.init.weights=[] | train.init.weights: got a list []; accepted: a list of finite numbers, one per feature",
        "train.init.weights=1 | train.init.weights: got 1; accepted: a list of finite numbers",
        "train.init.weights=[1]; train.init.slope=2 | train.init.slope and train.init.weights are both set",
        "train.init.weights=[1, 2] | train.init.weights: 2 weights for data with 1 feature(s); accepted: a list of 1 finite numbers",
        "data.kind=linear; data.weights=[1, 2]; train.init.weights=[1, 2, 3] | train.init.weights: 3 weights for data with 2 feature(s); accepted: a list of 2 finite numbers, one per feature",
        "data.kind=linear; data.weights=[1, 2]; train.init.slope=0.5 | train.init.weights: 1 weight (as train.init.slope or train.init.weights) for data with 2 feature(s)",
      })
  void everyInvalidFeatureSettingIsRefusedInOneLine(String overrides, String message) {
    assertThatThrownBy(() -> load(overrides.split(";\\s*")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(message.strip())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void linearDataReadsItsWeightsScalesAndLimits() {
    SweepSpec spec =
        load(
            "data.kind=linear",
            "data.weights=[1.5, -2, 0.25]",
            "data.feature_scales=[1, 10, 1000]",
            "data.n=50",
            "limits.max_features=3",
            "train.init={weights: [0.1, 0.2, 0.3], intercept: 1}");
    assertThat(spec.data().kind()).isEqualTo(DataKind.LINEAR);
    assertThat(spec.data().weights()).containsExactly(1.5, -2.0, 0.25);
    assertThat(spec.data().featureScales()).containsExactly(1.0, 10.0, 1000.0);
    assertThat(spec.data().maxFeatures()).isEqualTo(3);
    assertThat(spec.data().isGenerated()).isTrue();
    assertThat(spec.train().init()).isEqualTo(Init.of(new double[] {0.1, 0.2, 0.3}, 1.0));
    assertThat(load("data.kind=linear", "data.weights=[1, 2]").data().featureScales())
        .containsExactly(1.0, 1.0);
  }

  @Test
  void fileDataReadsItsFeatureColumnsAndLabel() {
    SweepSpec spec =
        load("data.kind=csv", "data.path=/tmp/t.csv", "data.features=[a, b]", "data.label=t");
    assertThat(spec.data().features()).containsExactly("a", "b");
    assertThat(spec.data().label()).isEqualTo("t");
    SweepSpec defaults = load("data.kind=parquet", "data.path=/tmp/t.parquet");
    assertThat(defaults.data().features()).isNull();
    assertThat(defaults.data().label()).isEqualTo("y");
    assertThat(defaults.data().maxFeatures()).isEqualTo(100);
  }

  @Test
  void theScaleAxisAndTheMseCriterionAreRead() {
    assertThat(load().grid().scale()).containsExactly(Scale.NONE);
    assertThat(load().converged().byExcessMse()).isFalse();
    SweepSpec spec = load("grid.scale=[none, standardize]", "converged.excess_mse_rel=0.01");
    assertThat(spec.grid().scale()).containsExactly(Scale.NONE, Scale.STANDARDIZE);
    assertThat(spec.converged().excessMseRel()).isEqualTo(0.01);
    assertThat(load("grid.scale=standardize").grid().scale()).containsExactly(Scale.STANDARDIZE);
  }

  @Test
  void hugeGridsAreRefusedBeforeExpansion() {
    assertThatThrownBy(
            () ->
                load(
                    "grid.batch_size=linspace(1,1000000,1000000)",
                    "grid.lr=logspace(-5,0,1000)",
                    "grid.seed=linspace(0,999,1000)"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("runs is more than limits.max_runs = 2000000");
  }

  @Test
  void specFilesThatAreMissingOrNotAMappingAreRefused(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> SpecLoader.load(dir.resolve("none.yaml"), List.of()))
        .hasMessageContaining("does not exist");
    Path list = dir.resolve("list.yaml");
    Files.writeString(list, "- 1\n- 2\n");
    assertThatThrownBy(() -> SpecLoader.load(list, List.of()))
        .hasMessageContaining("a spec must be a YAML mapping");
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "name: [unclosed\n");
    assertThatThrownBy(() -> SpecLoader.load(broken, List.of()))
        .hasMessageContaining("not valid YAML");
  }
}
