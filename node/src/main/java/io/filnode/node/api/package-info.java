/** The JSON-RPC handlers the node registers, with Lotus's names, parameters and permissions. */
package io.filnode.node.api;
