package kb.web;

/** A request parameter that is not of the expected form (e.g. {@code page=abc}); answered with HTTP 400. */
final class BadParameterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadParameterException(String message) {
        super(message);
    }
}
