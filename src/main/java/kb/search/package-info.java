/**
 * Search, behind one interface: {@link kb.search.SearchEngine} takes query text and ids and returns records (pages
 * of hits with snippets as text plus match spans, passages, articles, completions), never markup or links. The
 * embedded {@link kb.search.LuceneSearchEngine} is its first implementation, with one room per job: planning,
 * result pages, snippets, facets, article assembly, completions. {@link kb.search.ClusterSearchEngine} is the
 * second, on a SolrCloud collection: the cluster scores kb's own query ({@link kb.search.QueryForms}) with exact
 * statistics, and the {@code Cluster*} rooms rank, correct, count and mark with the embedded engine's code, so both
 * give the same answers.
 */
package kb.search;
