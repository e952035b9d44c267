package dev.oktair.store;

/** The formats {@code okta-ir export} writes. */
public enum ExportFormat {
  /** Parquet files partitioned by day ({@code day=YYYY-MM-DD/}), every column including raw. */
  PARQUET,
  /** One CSV file, every column but raw, cells neutralised against formula injection. */
  CSV,
  /** One JSONL file: the raw events exactly as stored, in evidence order. */
  JSONL
}
