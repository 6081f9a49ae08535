package kb.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the citation markers in a passage: numeric brackets ({@code [1]}, {@code [1, 3]}, {@code [2-4]}, ranges
 * expanded) give "1", "3"...; author-year groups ({@code (Browne et al., 2020; Lener, 2017)}) give "Browne 2020".
 * Each marker is reported once, in order of first appearance.
 */
public final class CitationMarkers {
    /** Longer ranges are almost certainly not citations (e.g. "[1900-2000]"), so they are not expanded. */
    private static final int MAX_RANGE = 50;

    private static final String NUM_ITEM = "\\d{1,4}(?:\\s*[-–]\\s*\\d{1,4})?";
    private static final Pattern NUMERIC = Pattern.compile("\\[\\s*(" + NUM_ITEM + "(?:\\s*,\\s*" + NUM_ITEM + ")*)\\s*]");
    private static final Pattern PAREN = Pattern.compile("\\(([^()]*?\\d{4}[a-z]?)\\)");
    private static final String NAME = "\\p{Lu}[\\p{L}'’-]+";
    private static final Pattern AUTHOR_YEAR = Pattern.compile(
            "^(?:(?:see|e\\.g\\.|cf\\.)\\s*,?\\s+)?(" + NAME + ")(?:\\s+(?:et\\s+al\\.?|(?:&|and)\\s+" + NAME + "))?"
                    + "\\s*,?\\s+(\\d{4})[a-z]?$");

    private CitationMarkers() {}

    public static List<String> extract(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Matcher m = NUMERIC.matcher(text);
        while (m.find()) {
            for (String item : m.group(1).split(",")) {
                String[] ends = item.strip().split("\\s*[-–]\\s*");
                int from = Integer.parseInt(ends[0]);
                int to = ends.length > 1 ? Integer.parseInt(ends[1]) : from;
                if (to < from || to - from > MAX_RANGE) {
                    to = from;
                }
                for (int n = from; n <= to; n++) {
                    found.add(Integer.toString(n));
                }
            }
        }
        Matcher p = PAREN.matcher(text);
        while (p.find()) {
            for (String part : p.group(1).split(";")) {
                Matcher ay = AUTHOR_YEAR.matcher(part.strip());
                if (ay.matches()) {
                    found.add(ay.group(1) + " " + ay.group(2));
                }
            }
        }
        return new ArrayList<>(found);
    }
}
