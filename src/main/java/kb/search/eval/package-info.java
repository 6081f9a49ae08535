/**
 * Ranking quality on judged queries: reads TREC-style queries and judgements, ranks through the engine (or a plain
 * BM25 baseline), and reports nDCG, recall and MRR for {@code kb eval} and the relevance tests.
 */
package kb.search.eval;
