package kb.index;

import java.io.IOException;

/**
 * The index on disk cannot be read because a file of it is damaged, missing or of another Lucene version. The
 * message is plain English: what is damaged and what to do; Lucene's own exception is the cause.
 */
public final class DamagedIndexException extends IOException {
    private static final long serialVersionUID = 1L;

    DamagedIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
