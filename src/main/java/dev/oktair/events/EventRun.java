package dev.oktair.events;

import java.util.List;

/**
 * A run of consecutive JSONL lines that are every one a System Log event exactly as it stands in
 * the input, each ending in LF: {@code bytes[from, to)} is those lines, byte for byte, so a caller
 * that keeps events verbatim (import) can copy the run as one block. The array is the reader's
 * buffer, valid only during the call that hands the run over.
 *
 * @param bytes the buffer holding the lines
 * @param from where the first line starts
 * @param to just after the last line's LF
 * @param events the lines' events, in order
 * @param firstLine the first line's number (1-based)
 */
public record EventRun(byte[] bytes, int from, int to, List<LogEvent> events, long firstLine) {}
