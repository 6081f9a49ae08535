/**
 * A real SolrCloud cluster for tests: {@link kb.solr.testing.SolrTestCluster#shared()} starts one 2-node cluster
 * (Solr 9.10's MiniSolrCloudCluster with an embedded ZooKeeper) per test JVM, in a JVM of its own, since Solr's
 * Jetty 10 cannot share a class path with kb's Jetty 12; kb's plugin jar ({@code target/kb-solr-plugin.jar}) is on
 * that JVM's class path. Tests talk to the nodes over HTTP with SolrJ's {@code HttpJdkSolrClient}. Test classes that
 * use it carry {@link kb.solr.testing.SolrClusterTest} (JUnit tag {@code solr}): {@code mvn verify -Dgroups=solr}
 * runs only them, {@code -DexcludedGroups=solr} all others.
 */
package kb.solr.testing;
