/**
 * Measurement code behind {@code kb bench}: indexing and search timed against minimal Lucene baselines over the
 * same passages and queries ({@link kb.bench.IndexBench}, {@link kb.bench.SearchBench}, {@link
 * kb.bench.ThroughputBench}), each search mode and the query embedding ({@link kb.bench.ModeBench}), corpora scaled
 * up with shuffled copies ({@link kb.bench.ScaledCorpus}), an HTTP load generator with kept-alive blocking clients
 * ({@link kb.bench.HttpBench}), and a start-up probe ({@link kb.bench.StartupBench}); {@link kb.bench.EmbeddingBench}
 * times search by meaning's embedder on its own. Lucene types are allowed here because the baselines are plain
 * Lucene by design.
 */
package kb.bench;
