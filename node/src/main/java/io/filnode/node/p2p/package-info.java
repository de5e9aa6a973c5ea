/** The node's libp2p host: its persistent identity and listen addresses. */
package io.filnode.node.p2p;
