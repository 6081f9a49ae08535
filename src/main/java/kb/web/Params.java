package kb.web;

import io.javalin.http.Context;
import kb.search.BadQueryException;
import kb.search.SearchMode;

/**
 * Reads query parameters into the types the search layer takes. Only the form is checked here (is it a whole
 * number?); the allowed ranges are the search service's to enforce, so they are spelled in one place.
 */
final class Params {
    private Params() {}

    /** The trimmed parameter, or null when absent or blank, so "no filter" has a single spelling. */
    static String text(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    static int wholeNumber(Context ctx, String name, int defaultValue) {
        String raw = text(ctx, name);
        if (raw == null) {
            return defaultValue;
        }
        if (!raw.matches("[+-]?[0-9]+")) {
            throw new BadParameterException(name + " must be a whole number");
        }
        // Digits beyond int range are still a number, just far outside any window the service accepts.
        String digits = raw.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
        long value = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(raw);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new BadParameterException(name + " is out of range");
        }
        return (int) value;
    }

    /** {@code mode=lexical|hybrid|semantic}; absent or blank is the default, hybrid. Anything else is a 400. */
    static SearchMode mode(Context ctx) {
        String raw = text(ctx, "mode");
        if (raw == null) {
            return SearchMode.HYBRID;
        }
        try {
            return SearchMode.parse(raw);
        } catch (BadQueryException e) {
            throw new BadParameterException(e.getMessage());
        }
    }

    /** {@code correct=0} (or {@code false}) asks for the query exactly as typed, without spelling correction. */
    static boolean correctSpelling(Context ctx) {
        String raw = text(ctx, "correct");
        if (raw == null || raw.equals("1") || raw.equalsIgnoreCase("true")) {
            return true;
        }
        if (raw.equals("0") || raw.equalsIgnoreCase("false")) {
            return false;
        }
        throw new BadParameterException("correct must be 0 or 1, not " + raw);
    }
}
