/**
 * The genesis block of a devnet, as Lotus v1.10.0's {@code chain/gen/genesis}: the initial state
 * tree (singletons, accounts, the verified-registry root key and the remainder), storage miners
 * with mock committed-capacity sectors set up through the VM, and the genesis block header.
 */
package io.filnode.vm.genesis;
