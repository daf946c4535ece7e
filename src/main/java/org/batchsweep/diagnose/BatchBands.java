package org.batchsweep.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Groups batch sizes into bands on a 1–3–10 scale (…, 4–10, 11–30, 31–100, 101–300, …), labelled by
 * the smallest and largest batch size of the sweep that falls in each. Small batches behave very
 * differently from large ones, and a log scale keeps each band's behaviour uniform.
 */
public final class BatchBands {

  /** A band: the grid's batch sizes from {@code min} to {@code max}. */
  public record Band(int index, int min, int max) {
    public String label() {
      return min == max ? "B " + min : "B " + min + "-" + max;
    }

    public boolean contains(int batchSize) {
      return batchSize >= min && batchSize <= max;
    }
  }

  private BatchBands() {}

  /** The band index of a batch size: 0 for 1, 1 for 2–3, 2 for 4–10, 3 for 11–30, … */
  public static int index(int batchSize) {
    int band = 0;
    long edge = 1;
    while (batchSize > edge) {
      edge = band % 2 == 0 ? edge * 3 : edge * 10 / 3;
      band++;
    }
    return band;
  }

  /** The non-empty bands of a set of batch sizes, smallest first. */
  public static List<Band> of(Iterable<Integer> batchSizes) {
    SortedSet<Integer> sizes = new TreeSet<>();
    batchSizes.forEach(sizes::add);
    List<Band> bands = new ArrayList<>();
    for (int size : sizes) {
      int index = index(size);
      Band last = bands.isEmpty() ? null : bands.get(bands.size() - 1);
      if (last != null && last.index() == index) {
        bands.set(bands.size() - 1, new Band(index, last.min(), size));
      } else {
        bands.add(new Band(index, size, size));
      }
    }
    return bands;
  }
}
