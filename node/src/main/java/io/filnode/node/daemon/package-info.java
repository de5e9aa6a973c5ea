/** The daemon: repo layout, network parameters, start-up and shutdown. */
package io.filnode.node.daemon;
