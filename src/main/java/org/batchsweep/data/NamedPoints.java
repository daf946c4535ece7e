package org.batchsweep.data;

import java.util.List;
import org.batchsweep.core.Points;

/** Points read from a file, with the names of their feature columns as the file spells them. */
public record NamedPoints(Points points, List<String> features) {

  public NamedPoints {
    features = List.copyOf(features);
  }
}
