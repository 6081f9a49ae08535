/**
 * The second step of the flow (corpus → index → search → live → web → cli): turns kb.corpus's articles into one
 * Lucene document per passage ({@link kb.index.Fields}, {@link kb.index.Analyzers}, {@link kb.index.PassageDocuments})
 * and writes them to the index folder in a single commit per update, full or incremental ({@link kb.index.Indexer}),
 * with the corpus the index is bound to ({@link kb.index.CorpusBinding}); kb.search reads what it writes.
 */
package kb.index;
