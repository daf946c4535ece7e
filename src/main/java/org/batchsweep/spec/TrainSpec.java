package org.batchsweep.spec;

import org.batchsweep.core.Init;
import org.batchsweep.core.Precision;

/** Settings shared by every run of a sweep. */
public record TrainSpec(int epochs, Precision precision, Init init, boolean recordEpochs) {}
