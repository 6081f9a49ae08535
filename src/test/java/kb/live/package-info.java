/**
 * Tests of kb.live: the corpus watcher, and a serving kb that picks up corpus changes through the admin endpoint and
 * by watching the folder. The end-to-end guarantees around rebuilds are in kb.integration.
 */
package kb.live;
