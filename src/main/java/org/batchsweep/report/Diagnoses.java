package org.batchsweep.report;

import org.batchsweep.diagnose.Diagnosis;

/** What each diagnosis means, in one sentence a newcomer can read next to the table. */
final class Diagnoses {

  private Diagnoses() {}

  /** The diagnosis with this table label, or null for a label this build does not know. */
  static Diagnosis parse(String label) {
    for (Diagnosis d : Diagnosis.values()) {
      if (d.label().equals(label)) {
        return d;
      }
    }
    return null;
  }

  /** What the diagnosis says about a run, as a sentence. */
  static String meaning(Diagnosis diagnosis) {
    return switch (diagnosis) {
      case CONVERGED -> "Ended within the tolerance of the reference line.";
      case WRONG_OBJECTIVE ->
          "Optimised a loss whose minimiser is not the least-squares line (the broadcasting loss pulls"
              + " every prediction toward its batch's mean target), so no lr or step count can make it converge.";
      case STEP_BUDGET ->
          "Was still moving toward its objective's minimiser when training stopped: too few optimizer"
              + " steps for the distance to travel (the fixes table holds the epochs that, trained, converged).";
      case DIVERGED -> "Its parameters or loss blew up (became infinite or NaN).";
      case NOISE_FLOOR ->
          "Hovers around the minimiser, with a spread from mini-batch noise larger than the tolerance.";
      case OSCILLATION ->
          "Stopped approaching its objective's minimiser without settling (a limit cycle, or bouncing"
              + " across the valley): the learning rate is too large to settle; more steps do not help.";
      case NOT_CONVERGED -> "Did not reach the reference line, for none of the reasons above.";
    };
  }
}
