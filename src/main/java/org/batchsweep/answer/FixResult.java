package org.batchsweep.answer;

import java.util.LinkedHashMap;

/**
 * The verified fix of one setting × failure kind, from the fixes table: the change (the one that
 * asked most of the runs that converged with it, else the first tried), and how many fixed runs
 * were trained and converged; {@code uniform} when every fixed run got the same change.
 */
record FixResult(
    String diagnosis,
    LinkedHashMap<String, Object> change,
    String changeText,
    long tried,
    long converged,
    boolean uniform) {

  String verified() {
    return converged == tried
        ? "verified: " + converged + " of " + tried + " fixed runs converged"
        : "verified: "
            + converged
            + " of "
            + tried
            + " fixed runs converged; the fix did not work for "
            + (tried - converged)
            + " (see the fixes table)";
  }
}
