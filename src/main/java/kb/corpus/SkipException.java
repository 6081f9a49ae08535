package kb.corpus;

/** Thrown by the format readers when a file cannot give any article; the message is the one-line skip reason. */
final class SkipException extends Exception {
    SkipException(String reason) {
        super(reason, null, false, false);
    }
}
