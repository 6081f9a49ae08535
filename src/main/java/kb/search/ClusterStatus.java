package kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.util.NamedList;

/** Reads Solr's CLUSTERSTATUS answer for one collection into a {@link ClusterState}. */
final class ClusterStatus {
    private ClusterStatus() {}

    static ClusterState of(String alias, String collection, NamedList<Object> response) {
        Object cluster = response.get("cluster");
        List<String> live = new ArrayList<>();
        List<ClusterState.Shard> shards = new ArrayList<>();
        if (cluster instanceof NamedList<?> c) {
            if (c.get("live_nodes") instanceof List<?> nodes) {
                nodes.forEach(n -> live.add(String.valueOf(n)));
            }
            Object collections = c.get("collections");
            Object coll = collections instanceof NamedList<?> cs ? cs.get(collection)
                    : collections instanceof Map<?, ?> cm ? cm.get(collection) : null;
            Object shardMap = mapGet(coll, "shards");
            if (shardMap instanceof Map<?, ?> sm) {
                for (Map.Entry<?, ?> shard : sm.entrySet()) {
                    int replicas = 0;
                    int active = 0;
                    String leader = "";
                    if (mapGet(shard.getValue(), "replicas") instanceof Map<?, ?> rm) {
                        for (Object replica : rm.values()) {
                            replicas++;
                            String node = String.valueOf(mapGet(replica, "node_name"));
                            boolean up = "active".equals(String.valueOf(mapGet(replica, "state"))) && live.contains(node);
                            active += up ? 1 : 0;
                            if (up && "true".equals(String.valueOf(mapGet(replica, "leader")))) {
                                leader = node;
                            }
                        }
                    }
                    shards.add(new ClusterState.Shard(String.valueOf(shard.getKey()), replicas, active, leader));
                }
            }
        }
        shards.sort(java.util.Comparator.comparing(ClusterState.Shard::name));
        return new ClusterState(alias, collection, live, shards);
    }

    private static Object mapGet(Object container, String key) {
        if (container instanceof Map<?, ?> m) {
            return m.get(key);
        }
        if (container instanceof NamedList<?> nl) {
            return nl.get(key);
        }
        return null;
    }
}
