package kb.search;

/** The index could not be read: a server fault, not a bad query. The message says what is wrong in plain words. */
public final class SearchFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SearchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
