package kb.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain-text article written the way the seed article is: the first line is the title, blocks are
 * separated by blank lines, a short standalone line without closing punctuation is a heading, and a run of two
 * or more blank lines ends a section. Unheaded groups after such a break are a numbered FAQ, a numbered
 * reference list, or (the last prose before those or the end) the conclusion; they are never filed under the
 * heading before the break.
 */
final class PlainTextReader {
    static final String INTRODUCTION = "Introduction";
    static final String CONCLUSION = "Conclusion";
    private static final int MAX_HEADING = 120;
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,4})[.)]\\s+(.+)$");
    private static final Pattern NUMBERED_QUESTION = Pattern.compile("^\\d{1,4}[.)]\\s+(.+\\?)$");

    private record Block(List<String> lines, int blankLinesBefore) {
        String text() {
            return String.join(" ", lines);
        }

        boolean isSingleLine() {
            return lines.size() == 1;
        }
    }

    private enum GroupKind { FAQ, REFERENCES, PROSE }

    private PlainTextReader() {}

    static Article read(String normalizedText, String slug, String sourceFile) throws SkipException {
        List<Block> blocks = blocks(normalizedText);
        if (blocks.isEmpty()) {
            throw new SkipException("no text found");
        }
        Block first = blocks.get(0);
        String title = first.lines().get(0);
        List<Block> body = new ArrayList<>();
        if (first.lines().size() > 1) {
            body.add(new Block(first.lines().subList(1, first.lines().size()), 0));
        }
        body.addAll(blocks.subList(1, blocks.size()));

        List<List<Block>> groups = groups(body);
        List<GroupKind> kinds = new ArrayList<>();
        for (List<Block> g : groups) {
            kinds.add(classify(g));
        }
        ArticleBuilder builder = new ArticleBuilder(slug, title, sourceFile, ArticleMeta.EMPTY);
        for (int i = 0; i < groups.size(); i++) {
            List<Block> group = groups.get(i);
            switch (kinds.get(i)) {
                case FAQ -> addFaq(builder, group);
                case REFERENCES -> addReferences(builder, group);
                case PROSE -> addProse(builder, group, unheadedPath(i, kinds));
            }
        }
        if (builder.isEmpty()) {
            throw new SkipException("no text found");
        }
        return builder.build();
    }

    /** Where prose before a group's first heading goes: the introduction, the conclusion, or no section. */
    private static List<String> unheadedPath(int groupIndex, List<GroupKind> kinds) {
        if (groupIndex == 0) {
            return List.of(INTRODUCTION);
        }
        for (int j = groupIndex + 1; j < kinds.size(); j++) {
            if (kinds.get(j) == GroupKind.PROSE) {
                return List.of();
            }
        }
        return List.of(CONCLUSION);
    }

    private static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int blanks = 0;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    blocks.add(new Block(List.copyOf(current), blanks));
                    current.clear();
                    blanks = 0;
                }
                blanks++;
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(new Block(List.copyOf(current), blanks));
        }
        return blocks;
    }

    private static List<List<Block>> groups(List<Block> body) {
        List<List<Block>> groups = new ArrayList<>();
        List<Block> current = new ArrayList<>();
        for (Block b : body) {
            if (b.blankLinesBefore() >= 2 && !current.isEmpty()) {
                groups.add(current);
                current = new ArrayList<>();
            }
            current.add(b);
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static GroupKind classify(List<Block> group) {
        if (isFaq(group)) {
            return GroupKind.FAQ;
        }
        if (isReferenceList(group)) {
            return GroupKind.REFERENCES;
        }
        return GroupKind.PROSE;
    }

    /** Numbered questions, each followed by at least one answer block that is not itself a question. */
    private static boolean isFaq(List<Block> group) {
        if (!isNumberedQuestion(group.get(0)) || isNumberedQuestion(group.get(group.size() - 1))) {
            return false;
        }
        for (int i = 1; i < group.size(); i++) {
            if (isNumberedQuestion(group.get(i)) && isNumberedQuestion(group.get(i - 1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumberedQuestion(Block b) {
        return b.isSingleLine() && b.text().length() <= MAX_HEADING + 8 && NUMBERED_QUESTION.matcher(b.text()).matches();
    }

    private static boolean isReferenceList(List<Block> group) {
        List<String> entries = referenceEntries(group);
        if (entries.isEmpty()) {
            return false;
        }
        int withYear = 0;
        for (String e : entries) {
            if (!NUMBERED.matcher(e).matches()) {
                return false;
            }
            if (ReferenceParser.looksLikeReference(e)) {
                withYear++;
            }
        }
        return withYear * 2 >= entries.size();
    }

    /** Entries may be separated by blank lines or sit on consecutive lines; a line not numbered continues one. */
    private static List<String> referenceEntries(List<Block> group) {
        List<String> entries = new ArrayList<>();
        for (Block b : group) {
            StringBuilder entry = null;
            for (String line : b.lines()) {
                if (NUMBERED.matcher(line).matches() || entry == null) {
                    if (entry != null) {
                        entries.add(entry.toString());
                    }
                    entry = new StringBuilder(line);
                } else {
                    entry.append(' ').append(line);
                }
            }
            if (entry != null) {
                entries.add(entry.toString());
            }
        }
        return entries;
    }

    private static void addFaq(ArticleBuilder builder, List<Block> group) {
        for (Block b : group) {
            Matcher q = NUMBERED_QUESTION.matcher(b.text());
            if (b.isSingleLine() && q.matches()) {
                builder.section(List.of(ArticleBuilder.FAQ_SECTION, q.group(1).strip()), PassageKind.FAQ);
            } else {
                builder.add(b.text());
            }
        }
    }

    private static void addReferences(ArticleBuilder builder, List<Block> group) {
        builder.section(List.of(ArticleBuilder.REFERENCES_SECTION), PassageKind.REFERENCE);
        for (String entry : referenceEntries(group)) {
            ReferenceSections.addEntry(builder, entry);
        }
    }

    private static void addProse(ArticleBuilder builder, List<Block> group, List<String> unheadedPath) {
        builder.section(unheadedPath);
        for (int i = 0; i < group.size(); i++) {
            Block b = group.get(i);
            // A heading-like line with no prose after it in its group heads nothing, so it is kept as text.
            if (isHeading(b) && hasProseAfter(group, i + 1)) {
                builder.section(List.of(b.text()));
            } else {
                builder.add(b.text());
            }
        }
    }

    private static boolean hasProseAfter(List<Block> group, int from) {
        for (int j = from; j < group.size(); j++) {
            if (!isHeading(group.get(j))) {
                return true;
            }
        }
        return false;
    }

    /** A short standalone line with no closing punctuation; a trailing '?' is allowed ("What is Ketamine?"). */
    private static boolean isHeading(Block b) {
        if (!b.isSingleLine()) {
            return false;
        }
        String s = b.text();
        if (s.length() > MAX_HEADING) {
            return false;
        }
        return ".:;,".indexOf(s.charAt(s.length() - 1)) < 0;
    }
}
