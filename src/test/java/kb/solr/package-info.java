/**
 * Tests of kb on SolrCloud against a real 2-node cluster ({@link kb.solr.testing.SolrTestCluster}): the cluster engine
 * answers as the embedded index does, by words and by meaning, and keeps answering while the cluster is rebuilt or
 * loses a node.
 */
package kb.solr;
