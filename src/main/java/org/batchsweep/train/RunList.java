package org.batchsweep.train;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.batchsweep.core.RunConfig;

/**
 * An immutable list of runs that travels compactly: what a Spark task carries to its executor.
 *
 * <p>A sweep's runs differ in few ways: most settings repeat across thousands of runs. Serialized,
 * the list keeps each distinct combination of everything but the batch size and the id once (a
 * "template"), and per run only a template number, the batch size and the id as a 64-bit number
 * (grid ids are 16 hex digits): 16 bytes a run, against ~60 for the runs as records. A task of
 * 30,000 runs is then ~0.5 MB, under Spark's 1 MB task-size warning. Ids that are not 16 lowercase
 * hex digits are kept as strings.
 */
public final class RunList extends AbstractList<RunConfig> implements RandomAccess, Serializable {

  private static final long serialVersionUID = 1L;

  private final RunConfig[] runs;

  private RunList(RunConfig[] runs) {
    this.runs = runs;
  }

  public static RunList of(Collection<RunConfig> runs) {
    return new RunList(runs.toArray(new RunConfig[0]));
  }

  @Override
  public RunConfig get(int index) {
    return runs[index];
  }

  @Override
  public int size() {
    return runs.length;
  }

  private Object writeReplace() {
    return new Compact(runs);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a RunList is serialized as its compact form");
  }

  /** The serialized form. */
  private static final class Compact implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Each distinct run setting but batch size and id, as a run with batch size 1 and no id. */
    private final RunConfig[] templates;

    private final int[] template;
    private final int[] batchSize;

    /** Ids as numbers, or null when some id is not 16 hex digits ({@link #textIds} then). */
    private final long[] numericIds;

    private final String[] textIds;

    Compact(RunConfig[] runs) {
      Map<RunConfig, Integer> index = new HashMap<>();
      List<RunConfig> distinct = new ArrayList<>();
      template = new int[runs.length];
      batchSize = new int[runs.length];
      boolean numeric = true;
      for (int r = 0; r < runs.length; r++) {
        RunConfig run = runs[r];
        RunConfig key = run.with(null, 1);
        Integer t = index.get(key);
        if (t == null) {
          t = distinct.size();
          index.put(key, t);
          distinct.add(key);
        }
        template[r] = t;
        batchSize[r] = run.batchSize();
        numeric &= isHex16(run.runId());
      }
      templates = distinct.toArray(new RunConfig[0]);
      if (numeric) {
        numericIds = new long[runs.length];
        for (int r = 0; r < runs.length; r++) {
          numericIds[r] = Long.parseUnsignedLong(runs[r].runId(), 16);
        }
        textIds = null;
      } else {
        numericIds = null;
        textIds = new String[runs.length];
        for (int r = 0; r < runs.length; r++) {
          textIds[r] = runs[r].runId();
        }
      }
    }

    private Object readResolve() {
      HexFormat hex = HexFormat.of();
      RunConfig[] runs = new RunConfig[template.length];
      for (int r = 0; r < runs.length; r++) {
        RunConfig t = templates[template[r]];
        String id = numericIds != null ? hex.toHexDigits(numericIds[r]) : textIds[r];
        runs[r] = t.with(id, batchSize[r]);
      }
      return new RunList(runs);
    }

    private static boolean isHex16(String id) {
      if (id == null || id.length() != 16) {
        return false;
      }
      for (int i = 0; i < 16; i++) {
        char c = id.charAt(i);
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
          return false;
        }
      }
      return true;
    }
  }
}
