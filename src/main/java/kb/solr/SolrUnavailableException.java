package kb.solr;

import java.io.IOException;

/** No node of the cluster could take a request; the message names each node tried and why it failed. */
public final class SolrUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public SolrUnavailableException(String message) {
        super(message);
    }
}
