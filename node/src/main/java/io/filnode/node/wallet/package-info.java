/** The node's local wallet over the repo's keystore. */
package io.filnode.node.wallet;
