package kb.search;

/**
 * The engine cannot answer now, through no fault of the request: a cluster none of whose nodes answers, or a shard
 * with no live replica. Answered 503 with the plain message (never partial results); trying again later may work.
 */
public final class EngineUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
