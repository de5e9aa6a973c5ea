/**
 * The Filecoin conformance test-vector runner (Lotus v1.10.0's {@code conformance} driver and
 * runner): parses vectors, runs each supported variant through the VM, compares receipts and roots,
 * and puts our gas charges next to the Lotus traces vectors carry.
 */
package io.filnode.vm.conformance;
