package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sun.misc.Signal;
import sun.misc.SignalHandler;

class RunInterruptionTest {

  @Test
  void aFinishedRunPutsBackTheSigintHandlerItReplaced() {
    Signal sigint = new Signal("INT");
    SignalHandler before = signal -> {};
    SignalHandler original = Signal.handle(sigint, before);
    try {
      RunInterruption run = RunInterruption.install("sweep", "results");
      SignalHandler during = Signal.handle(sigint, before); // look, then put it back
      Signal.handle(sigint, during);
      assertThat(during).isNotSameAs(before);
      run.close();

      // A shell's Ctrl-C after the run is not the run's: the handler before it is back.
      assertThat(Signal.handle(sigint, original)).isSameAs(before);
    } finally {
      Signal.handle(sigint, original);
    }
  }
}
