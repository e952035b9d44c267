/**
 * Detections over a case's events and the findings they produce: each {@link
 * dev.oktair.detect.Finding} has a severity, a plain-language summary, a recommendation and the
 * exact events or API objects it rests on ({@link dev.oktair.detect.Citation}).
 */
package dev.oktair.detect;
