/**
 * kb on SolrCloud: the connection to a cluster's nodes ({@link kb.solr.SolrNodes}) and the names a kb collection
 * adds to kb's fields ({@link kb.solr.SolrSchema}: the metadata document, corpus order, the config set), shared by
 * the cluster indexer ({@code kb.solr.index}) and the cluster search engine; {@code kb.solr.plugin} is what runs
 * inside Solr (kb's analyzers and query parser, in {@code target/kb-solr-plugin.jar}). kb speaks plain HTTP to the
 * nodes with SolrJ's {@code HttpJdkSolrClient}: Solr 9 is built on Jetty 10 and kb on Jetty 12, so no Jetty-based
 * client and no ZooKeeper client is on kb's class path.
 */
package kb.solr;
