package org.batchsweep.spec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sweep does differently from what a reader of its spec might assume, said in the run's
 * summary so that nothing changes silently.
 */
public final class SpecNotes {

  private SpecNotes() {}

  public static List<String> of(SweepSpec spec) {
    List<String> notes = new ArrayList<>();
    DataSpec data = spec.data();
    if (!data.isGenerated() && data.validationPath() == null) {
      notes.add(
          "note: "
              + data.kind().label()
              + " data has no validation split (a fresh draw exists for generated"
              + " data only); set data.validation_path=FILE to validate");
    }
    return notes;
  }

  public static void print(SweepSpec spec, PrintStream out) {
    of(spec).forEach(out::println);
  }
}
