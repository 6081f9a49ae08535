/**
 * Measurement code behind {@code kb bench}: indexing and search timed against minimal Lucene baselines over the
 * same passages and queries, an HTTP load generator for the web front end, and a start-up probe; {@link
 * kb.bench.EmbeddingBench} times search by meaning's embedder on its own. Lucene types are allowed here because the
 * baselines are plain Lucene by design.
 */
package kb.bench;
