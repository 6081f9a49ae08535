package kb.web;

/**
 * No article, passage or file has the id or slug a request names; answered with HTTP 404 by {@link ErrorMapper},
 * whose not-found page (or JSON) shows the message.
 */
final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFoundException(String message) {
        super(message);
    }
}
