package org.batchsweep.spec;

import org.batchsweep.optim.Precision;
import org.batchsweep.train.Init;

/** Settings shared by every run of a sweep. */
public record TrainSpec(int epochs, Precision precision, Init init, boolean recordEpochs) {}
