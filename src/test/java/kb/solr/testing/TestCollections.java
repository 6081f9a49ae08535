package kb.solr.testing;

import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;

/** Removes what a test class made on the shared cluster: the alias kb indexed through and every collection of it. */
public final class TestCollections {
    private TestCollections() {}

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
