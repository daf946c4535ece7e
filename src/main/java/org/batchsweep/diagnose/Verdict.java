package org.batchsweep.diagnose;

import java.io.Serializable;

/** A run's diagnosis and the one sentence, with numbers, that explains it. */
public record Verdict(Diagnosis diagnosis, String detail) implements Serializable {}
