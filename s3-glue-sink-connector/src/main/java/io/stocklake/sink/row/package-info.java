/**
 * Rows: what a record becomes before a file writes it. The value's fields, behind the Kafka metadata columns the
 * configuration asks for; a schemaless map converted by its Glue table's columns; a tombstone as a row of its key
 * and coordinates. With none of that asked for, a record with a schema passes through as it is.
 */
package io.stocklake.sink.row;
