/**
 * The one error model: {@link dev.oktair.errors.OktaIrException} carries a
 * {@link dev.oktair.errors.Kind} that the command line maps to an exit code in one place. Every
 * package may depend on this one.
 */
package dev.oktair.errors;
