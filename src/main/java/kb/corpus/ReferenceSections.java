package kb.corpus;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule, for every format, for which headings open a reference list ("References", "Bibliography",
 * "Literature cited", "Works cited", numbered or not), and how an entry under one becomes a passage: kind
 * {@code reference}, parsed into authors, year, title and journal where the entry allows.
 */
public final class ReferenceSections {
    private static final Pattern NUMBERING = Pattern.compile("^(?:\\d+(?:\\.\\d+)*\\.?|[IVXLC]+\\.)\\s+");
    private static final List<String> NAMES = List.of("references", "reference list", "bibliography",
            "literature cited", "works cited", "cited literature", "references and notes", "references cited",
            "sources cited");

    private ReferenceSections() {}

    /** Whether a heading opens a reference list: "References", "7. References", "BIBLIOGRAPHY", "Works Cited:". */
    public static boolean isReferenceHeading(String heading) {
        if (heading == null) {
            return false;
        }
        String h = NUMBERING.matcher(heading.strip()).replaceFirst("").replaceAll("[:.]$", "").strip()
                .toLowerCase(Locale.ROOT);
        return NAMES.contains(h);
    }

    /** Adds one entry of a reference list to {@code builder}, cleaned and parsed (the builder's section is the list). */
    public static void addEntry(ArticleBuilder builder, String entry) {
        builder.add(ReferenceParser.cleanText(entry), ReferenceParser.parse(entry));
    }
}
