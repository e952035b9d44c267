/**
 * The incident written up: {@link dev.oktair.report.Reports} builds a {@link
 * dev.oktair.report.Report} from whatever a case holds so far (evidence, findings, plan, journal,
 * downstream impact, case history) and writes it as self-contained HTML, Markdown, versioned JSON
 * or a Timesketch timeline, into owner-only files. Attacker-controlled strings are escaped by
 * construction in every human format.
 */
package dev.oktair.report;
