package kb.search;

import java.util.List;

/**
 * How a cluster engine's collection stands, for {@code /health}: the collection served (and the alias kb was given),
 * the live nodes, and each shard's replicas and how many of them are active. A shard with no active replica cannot
 * answer: searches are refused with 503 until one is back.
 */
public record ClusterState(String alias, String collection, List<String> liveNodes, List<Shard> shards) {
    public ClusterState {
        liveNodes = List.copyOf(liveNodes);
        shards = List.copyOf(shards);
    }

    /** One shard: its name, its replicas, how many are active, and the node of its leader ("" when none). */
    public record Shard(String name, int replicas, int active, String leader) {}

    /** "ok" with every replica active, "degraded" with some down but every shard answering, "down" otherwise. */
    public String status() {
        if (shards.isEmpty() || shards.stream().anyMatch(s -> s.active() == 0)) {
            return "down";
        }
        return shards.stream().allMatch(s -> s.active() == s.replicas()) ? "ok" : "degraded";
    }
}
