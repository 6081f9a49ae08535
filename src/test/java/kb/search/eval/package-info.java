/**
 * Tests of kb.search.eval: the relevance metrics against trec_eval's definitions, {@code kb eval} end to end, and the
 * measured relevance on the seed article and (when present) SciFact and the long documents of ../shared/datasets.
 */
package kb.search.eval;
