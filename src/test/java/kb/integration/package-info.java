/**
 * End-to-end guarantees across the whole flow, corpus → index → search → live → web → cli: updates killed, failed by
 * injected faults, fed bad files or run under search load leave one whole, clean generation serving; hostile
 * requests get no server error; {@code kb serve --watch} in its own JVM follows the corpus and survives a kill. Each
 * test prints the figures it reached ({@link kb.integration.Figures}).
 */
package kb.integration;
