package kb.corpus;

/**
 * Exception messages cut down for a report line. A parser's or library's message may run on with context, a
 * caret or a stack of causes; a skipped file or a refused article is reported by the first line only.
 */
public final class Messages {
    private Messages() {}

    /** The first non-blank line of {@code message}, stripped. */
    public static String firstLine(String message) {
        String t = message.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
