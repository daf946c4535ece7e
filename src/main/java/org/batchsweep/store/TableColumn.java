package org.batchsweep.store;

import java.util.function.Function;
import org.apache.spark.sql.types.DataType;

/**
 * One column of a result table: its name, its Spark type, and the record component that fills it.
 * Binding the value to the column is what keeps a writer from putting a value under the wrong name.
 *
 * @param <R> the table's row record
 */
public record TableColumn<R>(String name, DataType type, Function<R, Object> value) {}
