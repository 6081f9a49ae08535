package kb.corpus;

import java.util.Comparator;

/**
 * A file (or, for JSON Lines, one line written {@code file:LINE}) that was not read, and why. {@code file} is
 * relative to the corpus directory with '/' separators; {@code reason} is one short plain line naming the problem.
 */
public record SkippedFile(String file, String reason) {
    /** By file, and a file's lines in line order: "a.jsonl:10" after "a.jsonl:9". */
    public static final Comparator<SkippedFile> IN_FILE_ORDER = Comparator.comparing(SkippedFile::file,
            SkippedFile::compareNames);

    private static int compareNames(String a, String b) {
        int ca = a.lastIndexOf(':');
        int cb = b.lastIndexOf(':');
        if (ca > 0 && cb > 0 && a.substring(0, ca).equals(b.substring(0, cb))) {
            try {
                return Integer.compare(Integer.parseInt(a.substring(ca + 1)), Integer.parseInt(b.substring(cb + 1)));
            } catch (NumberFormatException e) {
                return a.compareTo(b);
            }
        }
        String fa = ca > 0 ? a.substring(0, ca) : a;
        String fb = cb > 0 ? b.substring(0, cb) : b;
        int c = fa.compareTo(fb);
        return c != 0 ? c : a.compareTo(b);
    }
}
