/**
 * {@code kb index --solr}: brings a SolrCloud collection up to date from the corpus exactly as the embedded index is.
 * kb's own {@link kb.index.Indexer} updates a local mirror index (so every corpus rule, incremental update, rename,
 * retired slug, expansion dictionary and vector cache is the embedded one), then {@link kb.solr.index.ClusterSync}
 * makes the collection hold what the mirror holds, article by article, in one commit. The collection is always
 * reached through an alias; a full rebuild fills a new collection and moves the alias to it.
 */
package kb.solr.index;
