/**
 * Search, behind one interface: {@link kb.search.SearchEngine} takes query text and ids and returns records (pages
 * of hits with snippets as text plus match spans, passages, articles, completions), never markup or links. The
 * embedded {@link kb.search.LuceneSearchEngine} is its first implementation, with one room per job: planning,
 * result pages, snippets, facets, article assembly, completions.
 */
package kb.search;
