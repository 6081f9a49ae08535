package kb.solr.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.solr.SolrNodes;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;
import org.apache.solr.common.util.ContentStreamBase;
import org.apache.solr.common.util.NamedList;

/**
 * The cluster-wide requests kb's indexing makes, each through {@link SolrNodes}: aliases, collections, their config
 * sets and layout, and config set uploads. A request Solr refuses throws SolrServerException or a
 * {@code SolrException} with Solr's message.
 */
final class Cluster {
    private final SolrNodes nodes;

    Cluster(SolrNodes nodes) {
        this.nodes = nodes;
    }

    /** The collections {@code alias} points at; empty when there is no such alias. */
    Optional<List<String>> alias(String alias) throws IOException, SolrServerException {
        CollectionAdminResponse r = nodes.process(new CollectionAdminRequest.ListAliases(), null);
        return Optional.ofNullable(r.getAliasesAsLists().get(alias));
    }

    /** Whether a collection of this name exists. */
    boolean collectionExists(String name) throws IOException, SolrServerException {
        CollectionAdminResponse r = nodes.process(new CollectionAdminRequest.List(), null);
        Object names = r.getResponse().get("collections");
        return names instanceof List<?> list && list.contains(name);
    }

    /** The collection's config set and layout. */
    SolrIndexReport.Layout layout(String collection) throws IOException, SolrServerException {
        CollectionAdminResponse r = nodes.process(
                new CollectionAdminRequest.ClusterStatus().setCollectionName(collection), null);
        Object state = get(get(get(r.getResponse(), "cluster"), "collections"), collection);
        Object shards = get(state, "shards");
        int shardCount = size(shards);
        int replicas = 0;
        if (shards instanceof Map<?, ?> m && !m.isEmpty()) {
            replicas = size(get(m.values().iterator().next(), "replicas"));
        } else if (shards instanceof NamedList<?> n && n.size() > 0) {
            replicas = size(get(n.getVal(0), "replicas"));
        }
        Object config = get(state, "configName");
        return new SolrIndexReport.Layout(config == null ? "" : config.toString(), shardCount, replicas);
    }

    /** Uploads {@code configSet} unless the cluster has one of its name already (the name is its content's hash). */
    void upload(ConfigSet configSet) throws IOException, SolrServerException {
        List<String> present = nodes.process(new ConfigSetAdminRequest.List(), null).getConfigSets();
        if (present != null && present.contains(configSet.name())) {
            return;
        }
        ContentStreamBase.ByteArrayStream zip = new ContentStreamBase.ByteArrayStream(configSet.zip(),
                configSet.name() + ".zip", "application/octet-stream");
        ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload();
        upload.setConfigSetName(configSet.name());
        upload.setUploadStream(zip);
        nodes.process(upload, null);
    }

    /** Creates {@code name} from {@code configSet}, answering once its replicas are active. */
    void create(String name, String configSet, int shards, int replicas) throws IOException, SolrServerException {
        CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(name, configSet, shards, replicas);
        create.setWaitForFinalState(true);
        checked(nodes.process(create, null), "create collection " + name);
    }

    /** Points {@code alias} at {@code collection}: one atomic change, whether the alias existed or not. */
    void pointAlias(String alias, String collection) throws IOException, SolrServerException {
        checked(nodes.process(CollectionAdminRequest.createAlias(alias, collection), null), "point alias " + alias);
    }

    void delete(String collection) throws IOException, SolrServerException {
        checked(nodes.process(CollectionAdminRequest.deleteCollection(collection), null), "delete collection " + collection);
    }

    private static void checked(CollectionAdminResponse r, String what) throws SolrServerException {
        if (r.getErrorMessages() != null && r.getErrorMessages().size() > 0) {
            throw new SolrServerException("cannot " + what + ": " + r.getErrorMessages().getVal(0));
        }
    }

    /** A key of a response part, which SolrJ gives as a NamedList or a Map depending on the response format. */
    private static Object get(Object container, String key) {
        if (container instanceof NamedList<?> n) {
            return n.get(key);
        }
        if (container instanceof Map<?, ?> m) {
            return m.get(key);
        }
        return null;
    }

    private static int size(Object container) {
        if (container instanceof NamedList<?> n) {
            return n.size();
        }
        return container instanceof Map<?, ?> m ? m.size() : 0;
    }
}
