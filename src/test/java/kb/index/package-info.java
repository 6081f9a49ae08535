/**
 * Tests of kb.index, the second step of the flow: the analysis chains, what is corpus, stable ids, and full and
 * incremental updates, compared through {@link kb.index.IndexContents}.
 */
package kb.index;
