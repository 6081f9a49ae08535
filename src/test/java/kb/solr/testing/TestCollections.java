package kb.solr.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;

/** Removes what a test class made on the shared cluster: the alias kb indexed through and every collection of it. */
public final class TestCollections {
    private TestCollections() {}

    /** The aliases one test class makes, each name unique to the run, all dropped with their collections at the end. */
    public static final class Made {
        private final String prefix;
        private final List<String> aliases = new ArrayList<>();

        /** {@code prefix}: the class's own start of every name, e.g. {@code kbidx_}. */
        public Made(String prefix) {
            this.prefix = prefix;
        }

        /** A fresh alias name for one test. */
        public synchronized String alias(String name) {
            String alias = prefix + name + "_" + Long.toHexString(System.nanoTime());
            aliases.add(alias);
            return alias;
        }

        /** Leaves {@code alias} alone at the end (a test that removes it itself). */
        public synchronized void forget(String alias) {
            aliases.remove(alias);
        }

        public synchronized void dropAll(SolrTestCluster solr) throws Exception {
            for (String alias : aliases) {
                drop(solr, alias);
            }
        }
    }

    public static void drop(SolrTestCluster solr, String alias) throws Exception {
        try (HttpJdkSolrClient node = solr.newClient(0)) {
            Map<String, String> aliases = new CollectionAdminRequest.ListAliases().process(node).getAliases();
            if (aliases != null && aliases.containsKey(alias)) {
                CollectionAdminRequest.deleteAlias(alias).process(node);
            }
            List<String> all = CollectionAdminRequest.listCollections(node);
            for (String c : all) {
                if (c.equals(alias) || c.startsWith(alias + "_")) {
                    CollectionAdminRequest.deleteCollection(c).process(node);
                }
            }
        }
    }
}
