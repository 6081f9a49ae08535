package kb.solr;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.response.SolrResponseBase;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;

/**
 * The nodes of one SolrCloud cluster as kb reaches them: one {@link HttpJdkSolrClient} per node URL given, and a
 * request that a node cannot take (refused, unreachable, timed out, or answered 503 because it is shutting down)
 * tried on the next node. Any node can take any request: SolrCloud routes it to the shards' live replicas. An error
 * that Solr itself answers (a bad request, a missing collection) is not retried: it would be the same elsewhere.
 * SolrJ's load-balancing clients need its Jetty-based HTTP client, which kb cannot have beside Javalin's Jetty 12.
 */
public final class SolrNodes implements Closeable {
    /** How long a node may take to accept a connection before the next one is tried. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final List<String> urls;
    private final List<SolrClient> clients;
    /** The node that answered last: asked first next time, so a stopped node costs one failed connection, once. */
    private final AtomicInteger preferred = new AtomicInteger();

    private SolrNodes(List<String> urls, Duration requestTimeout) {
        this.urls = List.copyOf(urls);
        List<SolrClient> made = new ArrayList<>();
        for (String url : urls) {
            // HTTP/1.1: over plain http the JDK client would first try an upgrade to HTTP/2 with a HEAD request per
            // new path, which Solr logs as an error.
            made.add(new HttpJdkSolrClient.Builder(url)
                    .useHttp1_1(true)
                    .withConnectionTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .withIdleTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .withRequestTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .build());
        }
        this.clients = List.copyOf(made);
    }

    /**
     * The cluster at these node URLs ({@code http://host:8983/solr}; a URL without a path gets {@code /solr}), each
     * request given {@code requestTimeout} per node. Throws IllegalArgumentException naming a URL that is not one.
     */
    public static SolrNodes of(List<String> urls, Duration requestTimeout) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no Solr node URL given");
        }
        List<String> normal = new ArrayList<>();
        for (String url : urls) {
            normal.add(normalise(url));
        }
        return new SolrNodes(normal, requestTimeout);
    }

    /** Parses {@code --solr URL[,URL…]} as the user typed it. */
    public static List<String> parseList(String commaSeparated) {
        List<String> out = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    static String normalise(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Solr node URL: " + url);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("not a Solr node URL (want http://host:port/solr): " + url);
        }
        return uri.getPath() == null || uri.getPath().isEmpty() ? u + "/solr" : u;
    }

    /** The node URLs, as normalised. */
    public List<String> urls() {
        return urls;
    }

    /** Runs a request on {@code collection} (null: a cluster-wide request), on the first node that takes it. */
    public NamedList<Object> request(SolrRequest<?> request, String collection) throws SolrUnavailableException,
            SolrServerException, IOException {
        return call(client -> client.request(request, collection));
    }

    /** As {@link #request}, parsed into the request's response type. */
    public <R extends SolrResponseBase> R process(SolrRequest<R> request, String collection)
            throws SolrUnavailableException, SolrServerException, IOException {
        return call(client -> request.process(client, collection));
    }

    /** One attempt on one node. */
    @FunctionalInterface
    public interface Attempt<T> {
        T on(SolrClient client) throws SolrServerException, IOException;
    }

    /** Runs {@code attempt} on the preferred node, then on each other node in turn while nodes cannot take it. */
    public <T> T call(Attempt<T> attempt) throws SolrUnavailableException, SolrServerException, IOException {
        int first = preferred.get();
        List<String> failures = new ArrayList<>();
        String clusterSaid = "";
        for (int k = 0; k < clients.size(); k++) {
            int i = (first + k) % clients.size();
            try {
                T result = attempt.on(clients.get(i));
                preferred.set(i);
                return result;
            } catch (SolrServerException | IOException | SolrException e) {
                if (!nodeCannotTake(e)) {
                    throw e;
                }
                failures.add(urls.get(i) + " (" + reason(e) + ")");
                if (e instanceof SolrException se && se.code() == 503) {
                    clusterSaid = reason(e);
                }
            }
        }
        // Every node said the same thing of the collection (no live replica of a shard): that is the reason.
        if (!clusterSaid.isEmpty()) {
            throw new SolrUnavailableException(clusterSaid);
        }
        throw new SolrUnavailableException("no Solr node answered: " + String.join(", ", failures));
    }

    /** Whether the failure is the node's, not the request's: then another node may take it. */
    static boolean nodeCannotTake(Throwable e) {
        if (e instanceof SolrException se) {
            // 503: the node is starting or stopping, or has no live replica of a shard (then all nodes say so).
            return se.code() == 503 || se.code() == 502 || se.code() == 504;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof HttpTimeoutException || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof java.net.UnknownHostException || t instanceof java.io.EOFException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null
                    && (t.getMessage().contains("Connection reset") || t.getMessage().contains("closed"))) {
                return true;
            }
        }
        return e instanceof SolrServerException && e.getCause() instanceof IOException;
    }

    static String reason(Throwable e) {
        if (e instanceof SolrException se) {
            // "Error from server at http://…/select: no active servers hosting shard: shard1" → what Solr said.
            String m = String.valueOf(se.getMessage());
            int at = m.startsWith("Error from server at ") ? m.indexOf(": ") : -1;
            return (at >= 0 ? m.substring(at + 2) : m).lines().findFirst().orElse(m).strip();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ConnectException) {
            return "connection refused";
        }
        if (root instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (root instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        if (root instanceof java.nio.channels.ClosedChannelException || root instanceof java.io.EOFException) {
            return "connection closed";
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (SolrClient c : clients) {
            try {
                c.close();
            } catch (IOException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
