package org.batchsweep.spec;

/**
 * The spec's {@code fixes} section: whether a sweep verifies the fixes it proposes by training
 * them, and for at most how many failed runs per setting and failure kind.
 */
public record FixesSpec(boolean enabled, int maxPerKind) {}
