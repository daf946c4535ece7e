package org.batchsweep.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.batchsweep.core.LrSchedule;
import org.batchsweep.core.Optimizer;
import org.batchsweep.core.Precision;
import org.batchsweep.core.Schedule;
import org.junit.jupiter.api.Test;

/**
 * Every optimizer's update against its formula written out by hand, step by step, in float64 and
 * (with every operation in {@code float}, as single-precision tensors compute) in float32. The
 * gradients are fed to the slope; the intercept gets other gradients to show the parameters are
 * updated independently.
 */
class OptimizerFormulasTest {

  static final double[] GRADS = {0.2, -0.1, 0.05, 0.3, -0.02};

  @Test
  void adamWithWeightDecayAndAmsgradFollowsTheFormulaInFloat64() {
    double lr = 0.01, wd = 0.1;
    Optimizer adam =
        new AdamConfig(lr, 0.9, 0.999, 1e-8, wd, true).start(Precision.FLOAT64, 0.5, -0.5);
    double p = 0.5, m = 0, v = 0, vMax = 0;
    for (int t = 1; t <= GRADS.length; t++) {
      double g = GRADS[t - 1] + wd * p;
      adam.step(GRADS[t - 1], 0.0);
      m = m * 0.9 + (1 - 0.9) * g;
      v = v * 0.999 + (1 - 0.999) * g * g;
      vMax = Math.max(vMax, v);
      p =
          p
              + -(lr / (1 - Math.pow(0.9, t)))
                  * m
                  / (Math.sqrt(vMax) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8);
      assertThat(adam.slope()).as("step %d", t).isEqualTo(p);
    }
  }

  @Test
  void adamWithWeightDecayAndAmsgradFollowsTheFormulaInFloat32() {
    float lr = 0.01f, wd = 0.1f;
    Optimizer adam =
        new AdamConfig(0.01, 0.9, 0.999, 1e-8, 0.1, true).start(Precision.FLOAT32, 0.5, -0.5);
    float p = 0.5f, m = 0, v = 0, vMax = 0;
    for (int t = 1; t <= GRADS.length; t++) {
      float g = (float) GRADS[t - 1] + wd * p;
      adam.step(GRADS[t - 1], 0.0);
      m = m * 0.9f + (float) (1 - 0.9) * g;
      v = v * 0.999f + (float) (1 - 0.999) * g * g;
      vMax = Math.max(vMax, v);
      float denominator =
          (float) Math.sqrt(vMax) / (float) Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8f;
      p = p + (float) -(0.01 / (1 - Math.pow(0.9, t))) * m / denominator;
      assertThat(adam.slope()).as("step %d", t).isEqualTo((double) p);
    }
    assertThat(lr).isPositive();
  }

  @Test
  void adamwDecaysTheParametersFirstThenTakesAnAdamStep() {
    double lr = 0.05, wd = 0.01;
    for (Precision precision : Precision.values()) {
      Optimizer adamw = AdamWConfig.withDefaults(lr).start(precision, 2.0, -1.0);
      double p = 2.0, m = 0, v = 0;
      float pf = 2.0f, mf = 0, vf = 0;
      for (int t = 1; t <= GRADS.length; t++) {
        double g = GRADS[t - 1];
        adamw.step(g, 0.0);
        if (precision == Precision.FLOAT64) {
          p = p * (1 - lr * wd);
          m = m * 0.9 + (1 - 0.9) * g;
          v = v * 0.999 + (1 - 0.999) * g * g;
          p =
              p
                  + -(lr / (1 - Math.pow(0.9, t)))
                      * m
                      / (Math.sqrt(v) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8);
          assertThat(adamw.slope()).as("float64 step %d", t).isEqualTo(p);
        } else {
          float gf = (float) g;
          pf = pf * (float) (1 - lr * wd);
          mf = mf * 0.9f + (float) (1 - 0.9) * gf;
          vf = vf * 0.999f + (float) (1 - 0.999) * gf * gf;
          float denominator =
              (float) Math.sqrt(vf) / (float) Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8f;
          pf = pf + (float) -(lr / (1 - Math.pow(0.9, t))) * mf / denominator;
          assertThat(adamw.slope()).as("float32 step %d", t).isEqualTo((double) pf);
        }
      }
    }
  }

  @Test
  void sgdWithNesterovAndWeightDecayFollowsTheFormula() {
    double lr = 0.1, mu = 0.9, wd = 0.01;
    Optimizer sgd = new SgdConfig(lr, mu, 0.0, true, wd).start(Precision.FLOAT64, 1.0, 0.0);
    Optimizer sgd32 = new SgdConfig(lr, mu, 0.0, true, wd).start(Precision.FLOAT32, 1.0, 0.0);
    double p = 1.0, buf = 0;
    float pf = 1.0f, buff = 0;
    for (int t = 1; t <= GRADS.length; t++) {
      sgd.step(GRADS[t - 1], 0.0);
      sgd32.step(GRADS[t - 1], 0.0);
      double d = GRADS[t - 1] + wd * p;
      buf = t == 1 ? d : buf * mu + 1.0 * d;
      p = p + -lr * (d + mu * buf);
      float df = (float) GRADS[t - 1] + (float) wd * pf;
      buff = t == 1 ? df : buff * (float) mu + 1.0f * df;
      pf = pf + (float) -lr * (df + (float) mu * buff);
      assertThat(sgd.slope()).as("float64 step %d", t).isEqualTo(p);
      assertThat(sgd32.slope()).as("float32 step %d", t).isEqualTo((double) pf);
    }
  }

  @Test
  void sgdWithDampeningDampsAllButTheFirstGradient() {
    double lr = 0.1, mu = 0.5, tau = 0.3;
    Optimizer sgd = new SgdConfig(lr, mu, tau, false, 0.0).start(Precision.FLOAT64, 0.0, 0.0);
    sgd.step(1.0, 0.0);
    assertThat(sgd.slope()).isEqualTo(-0.1); // buf = g on the first step
    sgd.step(1.0, 0.0);
    assertThat(sgd.slope()).isEqualTo(-0.1 + -0.1 * (1.0 * 0.5 + (1 - 0.3) * 1.0));
  }

  @Test
  void rmspropPlainCenteredAndWithMomentumFollowTheFormula() {
    double lr = 0.01, alpha = 0.99, eps = 1e-8, mu = 0.8;
    for (boolean centered : new boolean[] {false, true}) {
      for (double momentum : new double[] {0.0, mu}) {
        RmspropConfig config = new RmspropConfig(lr, alpha, eps, centered, momentum, 0.0);
        Optimizer rms = config.start(Precision.FLOAT64, 0.3, 0.0);
        Optimizer rms32 = config.start(Precision.FLOAT32, 0.3, 0.0);
        double p = 0.3, v = 0, mean = 0, buf = 0;
        float pf = 0.3f, vf = 0, meanf = 0, buff = 0;
        for (int t = 1; t <= GRADS.length; t++) {
          double g = GRADS[t - 1];
          rms.step(g, 0.0);
          rms32.step(g, 0.0);
          v = v * alpha + (1 - alpha) * g * g;
          double avg;
          if (centered) {
            mean = mean * alpha + (1 - alpha) * g;
            avg = Math.sqrt(v - mean * mean) + eps;
          } else {
            avg = Math.sqrt(v) + eps;
          }
          if (momentum > 0) {
            buf = buf * momentum + g / avg;
            p = p + -lr * buf;
          } else {
            p = p + -lr * g / avg;
          }
          float gf = (float) g;
          vf = vf * (float) alpha + (float) (1 - alpha) * gf * gf;
          float avgf;
          if (centered) {
            meanf = meanf * (float) alpha + (float) (1 - alpha) * gf;
            avgf = (float) Math.sqrt(vf - meanf * meanf) + (float) eps;
          } else {
            avgf = (float) Math.sqrt(vf) + (float) eps;
          }
          if (momentum > 0) {
            buff = buff * (float) momentum + gf / avgf;
            pf = pf + (float) -lr * buff;
          } else {
            pf = pf + (float) -lr * gf / avgf;
          }
          String what = "centered " + centered + ", momentum " + momentum + ", step " + t;
          assertThat(rms.slope()).as("float64 " + what).isEqualTo(p);
          assertThat(rms32.slope()).as("float32 " + what).isEqualTo((double) pf);
        }
      }
    }
  }

  @Test
  void rmspropsFirstStepIsTenLrForAlpha099() {
    Optimizer rms = RmspropConfig.withDefaults(0.01).start(Precision.FLOAT64, 0.0, 0.0);
    rms.step(2.0, 0.0);
    // v = 0.01·4 → sqrt(v) = 0.2 → step 0.01·2/0.2 = 0.1.
    assertThat(rms.slope())
        .isCloseTo(
            -0.1, org.assertj.core.api.Assertions.within(1e-7)); // ε = 1e-8 in the denominator
  }

  @Test
  void adagradWithLrDecayAndInitialAccumulatorFollowsTheFormula() {
    double lr = 0.1, decay = 0.05, init = 0.5, wd = 0.02;
    AdagradConfig config = new AdagradConfig(lr, decay, 1e-10, init, wd);
    Optimizer ada = config.start(Precision.FLOAT64, 1.0, 0.0);
    Optimizer ada32 = config.start(Precision.FLOAT32, 1.0, 0.0);
    double p = 1.0, sum = init;
    float pf = 1.0f, sumf = (float) init;
    for (int t = 1; t <= GRADS.length; t++) {
      ada.step(GRADS[t - 1], 0.0);
      ada32.step(GRADS[t - 1], 0.0);
      double clr = lr / (1 + (t - 1) * decay);
      double g = GRADS[t - 1] + wd * p;
      sum = sum + g * g;
      p = p + -clr * g / (Math.sqrt(sum) + 1e-10);
      float gf = (float) GRADS[t - 1] + (float) wd * pf;
      sumf = sumf + gf * gf;
      pf = pf + (float) -clr * gf / ((float) Math.sqrt(sumf) + (float) 1e-10);
      assertThat(ada.slope()).as("float64 step %d", t).isEqualTo(p);
      assertThat(ada32.slope()).as("float32 step %d", t).isEqualTo((double) pf);
    }
  }

  @Test
  void theGeneralPathsEqualTheFastPlainAdamAndSgdBitForBit() {
    for (Precision precision : Precision.values()) {
      Optimizer fastAdam = AdamConfig.withDefaults(0.01).start(precision, 0.5, -0.5);
      Optimizer generalAdam =
          AdamConfig.withDefaults(0.01).start(precision, 0.5, -0.5, LrSchedule.constant(0.01));
      Optimizer fastSgd = new SgdConfig(0.05, 0.9).start(precision, 0.5, -0.5);
      Optimizer generalSgd =
          new SgdConfig(0.05, 0.9).start(precision, 0.5, -0.5, LrSchedule.constant(0.05));
      for (int t = 0; t < 500; t++) {
        double g = Math.sin(t * 0.37) * 3;
        fastAdam.step(g, -g / 2);
        generalAdam.step(g, -g / 2);
        fastSgd.step(g, -g / 2);
        generalSgd.step(g, -g / 2);
      }
      assertThat(generalAdam.slope()).isEqualTo(fastAdam.slope());
      assertThat(generalAdam.intercept()).isEqualTo(fastAdam.intercept());
      assertThat(generalSgd.slope()).isEqualTo(fastSgd.slope());
      assertThat(generalSgd.intercept()).isEqualTo(fastSgd.intercept());
    }
  }

  @Test
  void aStepScheduleChangesTheLrAfterTheLastBatchOfAnEpoch() {
    // 3 steps per epoch, step(1, 0.5): epoch 1 at lr 1, epoch 2 at 0.5.
    Optimizer sgd =
        new SgdConfig(1.0, 0.0, 0.0, false, 0.01)
            .start(
                Precision.FLOAT64, 0.0, 0.0, LrSchedule.of(new Schedule.Step(1, 0.5), 1.0, 2, 3));
    double p = 0;
    for (int t = 1; t <= 6; t++) {
      sgd.step(1.0, 0.0);
      p = p + -(t <= 3 ? 1.0 : 0.5) * (1.0 + 0.01 * p);
      assertThat(sgd.slope()).as("step %d", t).isEqualTo(p);
    }
  }

  @Test
  void oneCycleDrivesSgdMomentumAndAdamBeta1() {
    LrSchedule probe = LrSchedule.of(new Schedule.OneCycle(0.1), 0.1, 1, 10);
    double[] lrs = new double[10];
    double[] momenta = new double[10];
    for (int t = 1; t <= 10; t++) {
      probe.at(t);
      lrs[t - 1] = probe.lr();
      momenta[t - 1] = probe.momentum();
    }
    Optimizer sgd =
        new SgdConfig(0.5, 0.0)
            .start(
                Precision.FLOAT64, 0.0, 0.0, LrSchedule.of(new Schedule.OneCycle(0.1), 0.1, 1, 10));
    Optimizer adam =
        AdamConfig.withDefaults(0.5)
            .start(
                Precision.FLOAT64, 0.0, 0.0, LrSchedule.of(new Schedule.OneCycle(0.1), 0.1, 1, 10));
    double p = 0, buf = 0, q = 0, m = 0, v = 0;
    for (int t = 1; t <= 10; t++) {
      double g = GRADS[(t - 1) % GRADS.length];
      sgd.step(g, 0.0);
      adam.step(g, 0.0);
      // SGD: OneCycleLR sets the momentum, so the buffer exists from the first step.
      buf = t == 1 ? g : buf * momenta[t - 1] + 1.0 * g;
      p = p + -lrs[t - 1] * buf;
      assertThat(sgd.slope()).as("sgd step %d", t).isEqualTo(p);
      // Adam: β1 is the cycled momentum, in the moment and in the bias correction.
      double beta1 = momenta[t - 1];
      m = m * beta1 + (1 - beta1) * g;
      v = v * 0.999 + (1 - 0.999) * g * g;
      q =
          q
              + -(lrs[t - 1] / (1 - Math.pow(beta1, t)))
                  * m
                  / (Math.sqrt(v) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8);
      assertThat(adam.slope()).as("adam step %d", t).isEqualTo(q);
    }
  }

  @Test
  void configsRefuseValuesOutOfRange() {
    assertThatThrownBy(() -> new SgdConfig(0.1, 0.0, 0.0, true, 0.0))
        .hasMessageContaining("Nesterov momentum requires a momentum > 0");
    assertThatThrownBy(() -> new SgdConfig(0.1, 0.9, 0.1, true, 0.0))
        .hasMessageContaining("zero dampening");
    assertThatThrownBy(() -> new SgdConfig(0.1, 0.9, 1.5, false, 0.0))
        .hasMessageContaining("dampening must be in [0, 1]");
    assertThatThrownBy(() -> new SgdConfig(0.1, 0.9, 0.0, false, -1))
        .hasMessageContaining("weight_decay");
    assertThatThrownBy(() -> new AdamWConfig(0.1, 1.0, 0.999, 1e-8, 0.01, false))
        .hasMessageContaining("betas");
    assertThatThrownBy(() -> new RmspropConfig(0.1, 1.0, 1e-8, false, 0, 0))
        .hasMessageContaining("alpha");
    assertThatThrownBy(() -> new RmspropConfig(0.1, 0.9, 0, false, 0, 0))
        .hasMessageContaining("epsilon");
    assertThatThrownBy(() -> new AdagradConfig(0.1, -1, 1e-10, 0, 0))
        .hasMessageContaining("lr_decay");
    assertThatThrownBy(() -> new AdagradConfig(0.1, 0, 1e-10, -1, 0))
        .hasMessageContaining("initial_accumulator_value");
    assertThatThrownBy(() -> OptimizerConfigs.of("lbfgs", 0.1, 0))
        .hasMessageContaining("accepted: adam, adamw, sgd, rmsprop, adagrad");
  }

  @Test
  void plainAdamAndSgdAddNothingToTheRunIdWhileEveryNewSettingDoes() {
    assertThat(AdamConfig.withDefaults(0.01).canonicalExtras()).isEmpty();
    assertThat(new SgdConfig(0.01, 0.9).canonicalExtras()).isEmpty();
    assertThat(new AdamConfig(0.01, 0.9, 0.999, 1e-8, 0.0, true).canonicalExtras())
        .isEqualTo(";amsgrad=true");
    assertThat(new SgdConfig(0.01, 0.9, 0.0, true, 0.1).canonicalExtras())
        .isEqualTo(";nesterov=true;weight_decay=0.1");
    assertThat(AdamWConfig.withDefaults(0.01).canonicalExtras()).isEqualTo(";weight_decay=0.01");
    assertThat(new RmspropConfig(0.01, 0.9, 1e-8, true, 0, 0).canonicalExtras())
        .isEqualTo(";alpha=0.9;centered=true");
  }
}
