/**
 * What a sweep means, from its stored tables: the summary by batch-size band, the plain-words
 * answer that {@code run} and {@code explain} print, the figures (PNG and SVG) and the offline HTML
 * page under {@code <out>/report/<sweep_id>/}. The runs table is read through Spark aggregates (per
 * setting and batch size), never collected whole. The page's contents are described in the README,
 * first section.
 */
package org.batchsweep.report;
