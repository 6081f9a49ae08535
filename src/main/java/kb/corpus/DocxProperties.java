package kb.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which of a Word document's core properties describe the article. Word and its templates fill them with
 * placeholders ("Document1", "Microsoft Word - x.doc", "Administrator"), which name no article and no author, so
 * those are ignored.
 */
final class DocxProperties {
    private static final Set<String> NOT_PEOPLE = Set.of("administrator", "admin", "user", "owner", "author",
            "unknown", "microsoft office user", "windows user", "office user", "apache poi", "python-docx");

    private DocxProperties() {}

    /** The title property when it is a real title: not blank, not a placeholder, not just the file's name. */
    static String realTitle(String title, String stem) {
        String t = title == null ? "" : TextNormalizer.oneLine(title);
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || !t.codePoints().anyMatch(Character::isLetter) || lower.equalsIgnoreCase(stem)
                || lower.equals(stem.toLowerCase(Locale.ROOT) + ".docx")
                || lower.matches("(untitled|document|title|doc)\\s*\\d*|microsoft word - .*|.*\\.docx?")) {
            return "";
        }
        return t;
    }

    /** Authors from the creator property, split on ";" (Word's separator for several); placeholders dropped. */
    static List<String> authors(String creator) {
        List<String> authors = new ArrayList<>();
        if (creator == null) {
            return authors;
        }
        for (String part : creator.split(";")) {
            String a = TextNormalizer.oneLine(part);
            if (!a.isEmpty() && !NOT_PEOPLE.contains(a.toLowerCase(Locale.ROOT)) && !authors.contains(a)) {
                authors.add(a);
            }
        }
        return authors;
    }
}
