package kb.search;

/** A query or search parameter kb cannot run; the message is plain English fit to show the person who typed it. */
public class BadQueryException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadQueryException(String message) {
        super(message);
    }
}
