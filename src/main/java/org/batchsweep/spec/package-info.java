/**
 * The sweep spec: YAML merged onto {@code defaults.yaml}, {@code --set} overrides, validation with
 * one line per bad key, and the {@link org.batchsweep.spec.Grid} that expands the axes into runs
 * with stable run ids. Every key, its default and what it accepts are documented in the README,
 * section "The spec"; keys are only ever added, never renamed.
 */
package org.batchsweep.spec;
