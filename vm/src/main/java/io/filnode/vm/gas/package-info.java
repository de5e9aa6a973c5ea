/** Gas: Lotus v1.10.0's price lists by network version, charges, and the per-message tracker. */
package io.filnode.vm.gas;
