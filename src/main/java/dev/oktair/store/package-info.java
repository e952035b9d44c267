/**
 * The case database: a DuckDB file ({@code CASE/case.duckdb}) derived from a case's sealed
 * evidence, with one typed row per event plus its raw JSON, and what responders do with it —
 * pivots, session timelines, read-only SQL and exports (Parquet partitioned by day, CSV, JSONL).
 * The evidence stays the record; the database can be dropped and rebuilt at any time.
 * Front door: {@link dev.oktair.store.CaseDatabase}. Schema: {@code docs/case-database.md}.
 */
package dev.oktair.store;
