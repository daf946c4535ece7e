/**
 * Why a run missed the reference line, in plain Java: the closed-form minimiser of the objective
 * the run actually optimised ({@link org.batchsweep.diagnose.ObjectiveMinimiser}), the curvature
 * that bounds a stable learning rate, and one {@link org.batchsweep.diagnose.Diagnosis} per run
 * with a detail sentence. The diagnoses and their meaning are a contract: README, section
 * "Diagnoses"; add new ones, never rename.
 */
package org.batchsweep.diagnose;
